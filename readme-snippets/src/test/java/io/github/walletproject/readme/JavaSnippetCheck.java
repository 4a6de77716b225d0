package io.github.walletproject.readme;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import io.github.walletproject.readme.JavaSnippet.Kind;
import io.github.walletproject.readme.Readme.Block;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the {@code java} blocks of a README with {@code javac} against this module's test
 * class path (the starter, the test kit, Spring Boot, JUnit, AssertJ), in two steps: every
 * whole compilation unit together (so that one may use another's types, as the README's test
 * uses its {@code OrderPayments}), then each other block alone, wrapped as
 * {@link JavaSnippet} describes, with the units' classes on the class path.
 */
final class JavaSnippetCheck {

	/** Java 17 as the starter requires; parameter names kept, as Spring Boot's build does. */
	private static final List<String> OPTIONS = List.of("--release", "17", "-parameters", "-proc:none",
			"-encoding", "UTF-8", "-Xlint:none", "-nowarn");

	private final Path workDirectory;

	private final List<File> classPath;

	JavaSnippetCheck(Path workDirectory) {
		this.workDirectory = workDirectory;
		this.classPath = classPath();
	}

	/**
	 * This JVM's class path: under Surefire {@code java.class.path} is the test class path.
	 * @return the entries that exist
	 */
	static List<File> classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(File::new)
			.filter(File::exists)
			.toList();
	}

	/**
	 * Compile every block.
	 * @param blocks the {@code java} blocks
	 * @return what each block gave
	 */
	Result check(List<Block> blocks) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
					+ ": run the build with a JDK, not a JRE");
		}
		Path units = directory("units");
		Path wrapped = directory("wrapped");
		List<JavaSnippet> snippets = blocks.stream().map(JavaSnippet::of).toList();
		Map<JavaSnippet, List<String>> errors = new LinkedHashMap<>();
		snippets.forEach((snippet) -> errors.put(snippet, new ArrayList<>()));
		List<JavaSnippet> unitSnippets = snippets.stream().filter((s) -> s.kind() == Kind.UNIT).toList();
		List<JavaSnippet> wrappedSnippets = snippets.stream().filter((s) -> s.kind() != Kind.UNIT).toList();
		List<File> withUnits = new ArrayList<>(this.classPath);
		withUnits.add(0, units.toFile());
		compileUnits(compiler, unitSnippets, units, errors);
		if (compile(compiler, wrappedSnippets, withUnits, wrapped, errors)) {
			// javac stops at the first phase with an error (a syntax error hides the type errors of
			// every other file): compiled alone, each block reports its own
			wrappedSnippets.forEach((snippet) -> errors.get(snippet).clear());
			for (JavaSnippet snippet : wrappedSnippets) {
				compile(compiler, List.of(snippet), withUnits, wrapped, errors);
			}
		}
		List<Outcome> outcomes = new ArrayList<>();
		errors.forEach((snippet, messages) -> outcomes.add(new Outcome(snippet, List.copyOf(messages))));
		return new Result(List.copyOf(outcomes), units, this.classPath);
	}

	/**
	 * Compile the whole compilation units together. javac writes no class at all when one file
	 * has an error, so the units with errors are reported and left out, and the others compiled
	 * again (their classes are what the wrapped blocks and the test runner need).
	 */
	private void compileUnits(JavaCompiler compiler, List<JavaSnippet> units, Path output,
			Map<JavaSnippet, List<String>> errors) {
		List<JavaSnippet> remaining = new ArrayList<>(units);
		while (!remaining.isEmpty()) {
			Map<JavaSnippet, List<String>> round = new LinkedHashMap<>();
			remaining.forEach((snippet) -> round.put(snippet, new ArrayList<>()));
			if (!compile(compiler, remaining, this.classPath, output, round)) {
				return;
			}
			List<JavaSnippet> failing = remaining.stream().filter((snippet) -> !round.get(snippet).isEmpty()).toList();
			failing.forEach((snippet) -> errors.get(snippet).addAll(round.get(snippet)));
			if (failing.isEmpty() || failing.size() == remaining.size()) {
				return;
			}
			remaining.removeAll(failing);
		}
	}

	/**
	 * Compile some snippets in one javac task, each error added to its snippet's list.
	 * @return whether there were errors
	 */
	private static boolean compile(JavaCompiler compiler, List<JavaSnippet> snippets, List<File> classPath, Path output,
			Map<JavaSnippet, List<String>> errors) {
		if (snippets.isEmpty()) {
			return false;
		}
		Map<JavaFileObject, JavaSnippet> sources = new LinkedHashMap<>();
		for (JavaSnippet snippet : snippets) {
			sources.put(new Source(snippet), snippet);
		}
		boolean failed = false;
		for (Diagnostic<? extends JavaFileObject> diagnostic : run(compiler, sources.keySet(), classPath, output)) {
			if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
				continue;
			}
			failed = true;
			JavaSnippet snippet = sources.get(diagnostic.getSource());
			if (snippet == null) {
				// not attributable to one file (such as a bad option): every snippet of the task fails
				snippets.forEach((s) -> errors.get(s).add(s.block() + ": " + diagnostic.getMessage(Locale.ROOT)));
				continue;
			}
			errors.get(snippet).add(describe(snippet, diagnostic));
		}
		return failed;
	}

	/** One javac task, with a file manager of its own (it caches what it listed on the class path). */
	private static List<Diagnostic<? extends JavaFileObject>> run(JavaCompiler compiler,
			Iterable<? extends JavaFileObject> sources, List<File> classPath, Path output) {
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
			files.setLocation(StandardLocation.CLASS_PATH, classPath);
			files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			compiler.getTask(null, files, diagnostics, OPTIONS, null, sources).call();
			return diagnostics.getDiagnostics();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code README.md line 131: cannot find symbol …}, the README line quoted, and what to do.
	 */
	private static String describe(JavaSnippet snippet, Diagnostic<? extends JavaFileObject> diagnostic) {
		Block block = snippet.block();
		long sourceLine = diagnostic.getLineNumber();
		int line = snippet.blockLine(sourceLine);
		String where = block.at(line) + (snippet.isGenerated(sourceLine) ? " (at the end of the snippet)" : "");
		return where + " (java " + snippet.kind().name().toLowerCase(Locale.ROOT) + " snippet from line "
				+ block.line() + "): " + diagnostic.getMessage(Locale.ROOT) + "\n    > " + block.lineText(line).strip();
	}

	private Path directory(String name) {
		try {
			return Files.createDirectories(this.workDirectory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What every block gave.
	 *
	 * @param outcomes one per block, in README order
	 * @param unitClasses the directory of the compiled whole compilation units
	 * @param classPath the class path they were compiled against
	 */
	record Result(List<Outcome> outcomes, Path unitClasses, List<File> classPath) {

		/**
		 * The whole compilation units that compiled.
		 * @return their snippets
		 */
		List<JavaSnippet> compiledUnits() {
			return this.outcomes.stream()
				.filter((outcome) -> outcome.snippet().kind() == Kind.UNIT && outcome.compiled())
				.map(Outcome::snippet)
				.toList();
		}

	}

	/**
	 * What one block gave.
	 *
	 * @param snippet the block as compiled
	 * @param errors the compiler's errors, each naming its README line
	 */
	record Outcome(JavaSnippet snippet, List<String> errors) {

		boolean compiled() {
			return this.errors.isEmpty();
		}

		/**
		 * The problem to report, if any: an unmarked block that does not compile, or a block
		 * marked as a fragment that compiles (the mark is stale).
		 * @return the problem, or {@code null}
		 */
		@Nullable String problem() {
			Block block = this.snippet.block();
			if (block.isFragment()) {
				return compiled() ? block + " is marked <!-- snippet: fragment --> but compiles as a "
						+ this.snippet.kind().name().toLowerCase(Locale.ROOT)
						+ " snippet: remove the marker, so that the check keeps it compiling" : null;
			}
			if (compiled()) {
				return null;
			}
			return String.join("\n", this.errors) + "\nFix the snippet in " + block.file() + ". If it is deliberately "
					+ "partial, put <!-- snippet: fragment --> on the line before its fence; if it needs a variable "
					+ "or an import, see " + SnippetContext.class.getSimpleName() + ".";
		}

	}

	/**
	 * Compile generated sources (not README blocks) in one step.
	 * @param sources the text of each file by the qualified name of its top-level class
	 * @param classPath the class path
	 * @param output the directory of the classes
	 * @return the compiler's errors, empty when it compiled
	 */
	static List<String> compileGenerated(Map<String, String> sources, List<File> classPath, Path output) {
		List<JavaFileObject> units = new ArrayList<>();
		sources.forEach((name, text) -> units.add(new Source(name.replace('.', '/') + ".java", text)));
		return run(ToolProvider.getSystemJavaCompiler(), units, classPath, output).stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map((diagnostic) -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
					+ diagnostic.getMessage(Locale.ROOT))
			.toList();
	}

	/** A source file in memory, named after its top-level type as javac requires. */
	private static final class Source extends SimpleJavaFileObject {

		private final String text;

		Source(JavaSnippet snippet) {
			this(snippet.fileName(), snippet.source());
		}

		Source(String fileName, String text) {
			super(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

}
