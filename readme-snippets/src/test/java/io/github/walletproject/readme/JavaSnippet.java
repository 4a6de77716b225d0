package io.github.walletproject.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.walletproject.readme.Readme.Block;

/**
 * A {@code java} block of the README as a Java source file: verbatim when it is a whole
 * compilation unit, otherwise inside a generated class that extends {@link SnippetContext}.
 *
 * @param block the README block
 * @param kind how the block was classified
 * @param className the qualified name of the (public or first) top-level type of the file
 * @param source the file's text
 * @param headerLines the number of generated lines before the block's first line
 */
record JavaSnippet(Block block, Kind kind, String className, String source, int headerLines) {

	private static final String MODIFIERS = "(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*";

	/** {@code package …;} at the start of a line. */
	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	/** {@code package …;} or {@code import …;} at the start of a line. */
	private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?[\\w.*]+\\s*;\\s*$");

	/** A type declaration, possibly after annotations and modifiers, at the start of a line. */
	private static final Pattern TYPE_DECLARATION = Pattern
		.compile("^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*" + MODIFIERS + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");

	/** An annotation alone on its line (a trailing comment allowed). */
	private static final Pattern ANNOTATION_LINE = Pattern.compile("^@[\\w.]+(?:\\(.*\\))?\\s*(?://.*)?$");

	/** A method header: modifiers, a type, a name and an open parenthesis, not ending a statement. */
	private static final Pattern METHOD_HEADER = Pattern
		.compile("^" + MODIFIERS + "(?:<[^>]*>\\s*)?[\\w.]+(?:<[\\w.<>?, ]*>)?(?:\\[\\])*\\s+\\w+\\s*\\([^;]*$");

	/**
	 * How a snippet is compiled.
	 */
	enum Kind {

		/** A whole compilation unit: compiled verbatim, together with the others. */
		UNIT,

		/** Member declarations (methods, fields): the body of a generated class. */
		MEMBERS,

		/** Statements: the body of a generated method. */
		STATEMENTS

	}

	/**
	 * Classify a block and make it a source file.
	 * <ul>
	 * <li>a {@code package} or {@code import} line, or a type declaration starting a line
	 * (after annotations and modifiers): a whole compilation unit;</li>
	 * <li>a first line of code after an annotation line (such as {@code @Bean}), or one that is
	 * a method header (such as {@code public Transaction pay(Order order) {}): members;</li>
	 * <li>anything else: statements.</li>
	 * </ul>
	 * @param block the README block
	 * @return the snippet
	 */
	static JavaSnippet of(Block block) {
		String text = block.text();
		Kind kind = classify(text);
		String generated = "ReadmeLine" + block.line();
		return switch (kind) {
			case UNIT -> new JavaSnippet(block, kind, packagePrefix(text) + unitClassName(text, generated), text, 0);
			case MEMBERS -> wrap(block, kind, generated, "", "");
			case STATEMENTS -> wrap(block, kind, generated, "\tvoid snippet() throws Exception {\n", "\t}\n");
		};
	}

	static Kind classify(String text) {
		if (PACKAGE.matcher(text).find()) {
			return Kind.UNIT;
		}
		boolean annotated = false;
		for (String line : codeLines(text)) {
			if (IMPORT.matcher(line).matches()) {
				continue;
			}
			if (TYPE_DECLARATION.matcher(line).find()) {
				return Kind.UNIT;
			}
			if (ANNOTATION_LINE.matcher(line).matches()) {
				annotated = true;
				continue;
			}
			return (annotated || METHOD_HEADER.matcher(line).matches()) ? Kind.MEMBERS : Kind.STATEMENTS;
		}
		return Kind.STATEMENTS;
	}

	/** The lines that hold code: not blank, not only a comment. */
	private static List<String> codeLines(String text) {
		List<String> lines = new ArrayList<>();
		boolean inComment = false;
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (inComment) {
				inComment = !trimmed.contains("*/");
				continue;
			}
			if (trimmed.isEmpty() || trimmed.startsWith("//")) {
				continue;
			}
			if (trimmed.startsWith("/*")) {
				inComment = !trimmed.contains("*/");
				continue;
			}
			lines.add(trimmed);
		}
		return lines;
	}

	private static String packagePrefix(String text) {
		Matcher declaration = PACKAGE.matcher(text);
		return declaration.find() ? declaration.group(1) + "." : "";
	}

	private static String unitClassName(String text, String fallback) {
		String first = null;
		for (String line : text.split("\n")) {
			Matcher declaration = TYPE_DECLARATION.matcher(line);
			if (declaration.find()) {
				if (declaration.group().contains("public ")) {
					return declaration.group(1);
				}
				if (first == null) {
					first = declaration.group(1);
				}
			}
		}
		return (first != null) ? first : fallback;
	}

	/**
	 * The class generated around a block of members or statements. The block's own imports open
	 * it (they are blanked in the body, so line numbers still match): no import is added, so a
	 * block that uses a type must show its import, as a user copying it needs.
	 */
	private static JavaSnippet wrap(Block block, Kind kind, String className, String open, String close) {
		StringBuilder source = new StringBuilder();
		StringBuilder body = new StringBuilder();
		for (String line : block.text().split("\n", -1)) {
			if (IMPORT.matcher(line.strip()).matches()) {
				source.append(line.strip()).append(' ');
				body.append('\n');
			}
			else {
				body.append(line).append('\n');
			}
		}
		body.setLength(body.length() - 1);
		source.append("\nclass ")
			.append(className)
			.append(" extends ")
			.append(SnippetContext.class.getName())
			.append(" {\n")
			.append(open);
		int headerLines = (int) source.chars().filter((c) -> c == '\n').count();
		source.append(body).append(close).append("}\n");
		return new JavaSnippet(block, kind, className, source.toString(), headerLines);
	}

	/**
	 * The line of the README block that a line of the source file comes from.
	 * @param sourceLine the line in {@link #source()}, from 1
	 * @return the line in the block, from 1, clamped to the block
	 */
	int blockLine(long sourceLine) {
		long line = sourceLine - this.headerLines;
		return (int) Math.max(1, Math.min(line, Math.max(1, this.block.lineCount())));
	}

	/**
	 * Whether a line of the source file is one the generator wrote.
	 * @param sourceLine the line in {@link #source()}, from 1
	 * @return {@code true} outside the block's own lines
	 */
	boolean isGenerated(long sourceLine) {
		long line = sourceLine - this.headerLines;
		return line < 1 || line > this.block.lineCount();
	}

	String fileName() {
		return this.className.replace('.', '/') + ".java";
	}

	/**
	 * The package of the file.
	 * @return its name, {@code ""} for the unnamed package
	 */
	String packageName() {
		int dot = this.className.lastIndexOf('.');
		return (dot > 0) ? this.className.substring(0, dot) : "";
	}

	/**
	 * The simple name of the file's top-level type.
	 * @return the name
	 */
	String simpleName() {
		return this.className.substring(this.className.lastIndexOf('.') + 1);
	}

}
