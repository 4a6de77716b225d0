package io.github.walletproject.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fenced code blocks of a Markdown file, each with the line it starts on.
 * <p>
 * A block may be marked, on the last non-blank line before its fence, with an HTML comment
 * that readers of the rendered page never see: {@code <!-- snippet: fragment -->} says the
 * block is deliberately partial and is not expected to compile or bind.
 */
final class Readme {

	/** The file the checks read, relative to the build's root. */
	static final String FILE_NAME = "README.md";

	/**
	 * The user guides in {@code docs/} that hold blocks moved out of the README: checked as if
	 * they were part of it (a user copies from them just the same).
	 */
	static final List<String> GUIDES = List.of("docs/access.md", "docs/certificate-mode.md", "docs/configuration.md",
			"docs/observability.md", "docs/oauth.md");

	/** The markers a block may carry. */
	static final Set<String> MARKERS = Set.of("fragment");

	private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)[^`]*$");

	private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+)\\s*-->\\s*$");

	private final String name;

	private final List<Block> blocks;

	private Readme(String name, List<Block> blocks) {
		this.name = name;
		this.blocks = blocks;
	}

	/**
	 * The build's README and its user guides ({@link #GUIDES}), README.md's blocks first.
	 * @return the parsed files, as one
	 */
	static Readme load() {
		List<Block> blocks = new ArrayList<>();
		for (String name : concat(FILE_NAME, GUIDES)) {
			Path file = root().resolve(name);
			try {
				blocks.addAll(parse(name, Files.readString(file, StandardCharsets.UTF_8)).blocks());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		return new Readme(FILE_NAME + " and " + String.join(", ", GUIDES), List.copyOf(blocks));
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	/**
	 * The root of this build: {@code wallet.build.root} (set by this module's Surefire
	 * configuration) or, when run from an IDE, the parent of the working directory.
	 * @return the directory that holds the parent pom.xml and README.md
	 */
	static Path root() {
		String property = System.getProperty("wallet.build.root");
		Path root = (property != null && !property.isBlank()) ? Path.of(property)
				: Path.of("").toAbsolutePath().getParent();
		return root.toAbsolutePath().normalize();
	}

	/**
	 * Read the fenced blocks of Markdown text.
	 * @param name the file name used in messages
	 * @param markdown the text
	 * @return the blocks, in order
	 */
	static Readme parse(String name, String markdown) {
		String[] lines = markdown.split("\\R", -1);
		List<Block> blocks = new ArrayList<>();
		int i = 0;
		while (i < lines.length) {
			Matcher open = FENCE.matcher(lines[i]);
			if (!open.matches()) {
				i++;
				continue;
			}
			int indent = open.group(1).length();
			String fence = open.group(2);
			String language = open.group(3).toLowerCase(java.util.Locale.ROOT);
			String marker = marker(name, lines, i);
			int first = i + 1;
			int end = first;
			while (end < lines.length && !isClosing(lines[end], fence)) {
				end++;
			}
			StringBuilder text = new StringBuilder();
			for (int j = first; j < end; j++) {
				text.append(stripIndent(lines[j], indent)).append('\n');
			}
			blocks.add(new Block(name, language, first + 1, text.toString(), marker));
			i = end + 1;
		}
		return new Readme(name, List.copyOf(blocks));
	}

	private static @Nullable String marker(String name, String[] lines, int fence) {
		int j = fence - 1;
		while (j >= 0 && lines[j].isBlank()) {
			j--;
		}
		if (j < 0) {
			return null;
		}
		Matcher marker = MARKER.matcher(lines[j]);
		if (!marker.matches()) {
			return null;
		}
		String value = marker.group(1);
		if (!MARKERS.contains(value)) {
			throw new IllegalStateException(name + " line " + (j + 1) + ": unknown snippet marker '" + value
					+ "'. Use one of " + MARKERS + ", e.g. <!-- snippet: fragment -->");
		}
		return value;
	}

	private static boolean isClosing(String line, String fence) {
		String trimmed = line.strip();
		return trimmed.length() >= fence.length() && trimmed.chars().allMatch((c) -> c == fence.charAt(0))
				&& line.indexOf(fence.charAt(0)) <= 3;
	}

	private static String stripIndent(String line, int indent) {
		int strip = 0;
		while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
			strip++;
		}
		return line.substring(strip);
	}

	String name() {
		return this.name;
	}

	List<Block> blocks() {
		return this.blocks;
	}

	/**
	 * The blocks of one language.
	 * @param language the info string's first word, such as {@code java}
	 * @return the blocks, in order
	 */
	List<Block> blocks(String language) {
		return this.blocks.stream().filter((block) -> block.language().equals(language)).toList();
	}

	/**
	 * One fenced code block.
	 *
	 * @param file the Markdown file's name
	 * @param language the info string's first word, lower case ({@code ""} when there is none)
	 * @param line the file's line number (from 1) of the block's first line of content
	 * @param text the content, verbatim, each line ending with a newline
	 * @param marker the {@code <!-- snippet: … -->} marker before the fence, or {@code null}
	 */
	record Block(String file, String language, int line, String text, @Nullable String marker) {

		/**
		 * Whether the block is marked as deliberately partial.
		 * @return {@code true} for {@code <!-- snippet: fragment -->}
		 */
		boolean isFragment() {
			return "fragment".equals(this.marker);
		}

		/**
		 * Where a line of this block is in the file.
		 * @param lineInBlock the line within the block, from 1
		 * @return e.g. {@code README.md line 131}
		 */
		String at(int lineInBlock) {
			return this.file + " line " + (this.line + lineInBlock - 1);
		}

		/**
		 * A line of the block.
		 * @param lineInBlock the line within the block, from 1
		 * @return its text, or {@code ""} outside the block
		 */
		String lineText(int lineInBlock) {
			String[] lines = this.text.split("\n", -1);
			return (lineInBlock >= 1 && lineInBlock <= lines.length) ? lines[lineInBlock - 1] : "";
		}

		/**
		 * The number of lines of the block.
		 * @return the count
		 */
		int lineCount() {
			return (int) this.text.chars().filter((c) -> c == '\n').count();
		}

		@Override
		public String toString() {
			return this.file + " line " + this.line + " (" + (this.language.isEmpty() ? "no language" : this.language)
					+ ((this.marker != null) ? ", " + this.marker : "") + ")";
		}

	}

}
