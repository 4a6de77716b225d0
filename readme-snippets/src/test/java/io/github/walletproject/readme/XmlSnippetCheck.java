package io.github.walletproject.readme;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.github.walletproject.readme.Readme.Block;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks an {@code xml} block of the README: it is well-formed (a fragment is wrapped in a
 * root element first); and, when it is a Maven fragment, every dependency of this project's
 * group names a module of this build that is published, at this build's version, or without
 * a version only when a BOM of this build imported in the same fragment manages it (Maven
 * refuses a dependency with neither). The version may be the release this build becomes
 * ({@code 0.1.0} for {@code 0.1.0-SNAPSHOT}): the README shows the coordinates on Maven Central.
 */
final class XmlSnippetCheck {

	private static final Set<String> MAVEN_ELEMENTS = Set.of("project", "parent", "dependency", "dependencies",
			"dependencyManagement", "plugin", "plugins");

	private final Build build;

	XmlSnippetCheck(Build build) {
		this.build = build;
	}

	/**
	 * Check one block.
	 * @param block an {@code xml} block
	 * @return the problems, each naming its README line; empty when the block is right
	 */
	List<String> check(Block block) {
		Document document;
		try {
			document = parse(block.text());
		}
		catch (SAXParseException ex) {
			int line = Math.max(1, ex.getLineNumber());
			return List.of(block.at(line) + ": not well-formed XML: " + ex.getMessage() + "\n    > "
					+ block.lineText(line).strip());
		}
		catch (SAXException | IOException ex) {
			return List.of(block + ": not well-formed XML: " + ex.getMessage());
		}
		if (!isMaven(document.getDocumentElement())) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		Map<String, Element> imported = new LinkedHashMap<>();
		List<Element> dependencies = elements(document.getDocumentElement(), "dependency");
		for (Element dependency : dependencies) {
			if ("import".equals(text(dependency, "scope"))) {
				imported.put(text(dependency, "artifactId"), dependency);
			}
		}
		for (Element dependency : dependencies) {
			if (this.build.groupId().equals(text(dependency, "groupId"))) {
				checkDependency(block, dependency, imported.keySet(), problems);
			}
		}
		return problems;
	}

	private void checkDependency(Block block, Element dependency, Set<String> importedBoms, List<String> problems) {
		String artifactId = text(dependency, "artifactId");
		String where = block.at(lineOf(block, "<artifactId>" + artifactId + "</artifactId>"));
		String coordinates = this.build.groupId() + ":" + artifactId;
		Build.Module module = this.build.modules().get(artifactId);
		if (module == null) {
			problems.add(where + ": " + coordinates + " is not a module of this build (its modules: "
					+ new TreeSet<>(this.build.modules().keySet()) + ")");
			return;
		}
		if (!module.published()) {
			problems.add(where + ": " + coordinates + " is never published (maven.deploy.skip): users cannot depend on it");
		}
		String version = text(dependency, "version");
		if (version != null) {
			if (!version.equals(this.build.version()) && !version.equals(this.build.release())) {
				problems.add(where + ": " + coordinates + " at version " + version + ", but this build is "
						+ this.build.version() + " (released as " + this.build.release() + ")");
			}
			return;
		}
		boolean managed = importedBoms.stream()
			.map(this.build.modules()::get)
			.anyMatch((bom) -> bom != null && bom.manages().contains(artifactId));
		if (!managed) {
			problems.add(where + ": " + coordinates + " has no <version> and no BOM of this build imported in the same "
					+ "snippet manages it: Maven refuses it. Import " + this.build.bomsManaging(artifactId)
					+ " (<type>pom</type>, <scope>import</scope>) or give the version");
		}
	}

	private static int lineOf(Block block, String text) {
		for (int line = 1; line <= block.lineCount(); line++) {
			if (block.lineText(line).replace(" ", "").contains(text)) {
				return line;
			}
		}
		return 1;
	}

	private static boolean isMaven(Element root) {
		if (MAVEN_ELEMENTS.contains(root.getTagName())) {
			return true;
		}
		for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && MAVEN_ELEMENTS.contains(element.getTagName())) {
				return true;
			}
		}
		return false;
	}

	/** A fragment may have several top-level elements: it is wrapped, on its first line, in one. */
	private static Document parse(String text) throws SAXException, IOException {
		String xml = text.stripLeading().startsWith("<?xml") ? text : "<snippet>" + text + "</snippet>";
		return builder().parse(new InputSource(new StringReader(xml)));
	}

	private static DocumentBuilder builder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler()); // fatal errors throw, nothing printed
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Element> elements(Element root, String name) {
		List<Element> elements = new ArrayList<>();
		NodeList nodes = root.getElementsByTagName(name);
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static @Nullable Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static @Nullable String text(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

	/**
	 * What this build offers, read from its pom.xml files.
	 *
	 * @param groupId the group of every module
	 * @param version the build's version
	 * @param modules the modules by artifact id (profiles' modules included)
	 */
	record Build(String groupId, String version, Map<String, Module> modules) {

		/**
		 * Read the build at a root directory.
		 * @param root the directory of the parent pom.xml
		 * @return the build
		 */
		static Build read(Path root) {
			Element parent = pom(root);
			Map<String, Module> modules = new LinkedHashMap<>();
			for (Element module : elements(parent, "module")) {
				Element pom = pom(root.resolve(module.getTextContent().strip()));
				Element properties = child(pom, "properties");
				boolean deploySkipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
				Set<String> manages = new TreeSet<>();
				Element management = child(pom, "dependencyManagement");
				if (management != null) {
					elements(management, "dependency").forEach((dependency) -> manages.add(text(dependency, "artifactId")));
				}
				modules.put(text(pom, "artifactId"), new Module(!deploySkipped, manages));
			}
			return new Build(text(parent, "groupId"), text(parent, "version"), modules);
		}

		/**
		 * The version this build is released as.
		 * @return the version without {@code -SNAPSHOT}
		 */
		String release() {
			return this.version.endsWith("-SNAPSHOT") ? this.version.substring(0, this.version.length() - "-SNAPSHOT".length())
					: this.version;
		}

		String bomsManaging(String artifactId) {
			List<String> boms = new ArrayList<>();
			this.modules.forEach((name, module) -> {
				if (module.published() && module.manages().contains(artifactId)) {
					boms.add(name);
				}
			});
			return boms.isEmpty() ? "a BOM" : String.join(" or ", boms);
		}

		private static Element pom(Path directory) {
			Path file = directory.resolve("pom.xml");
			try (InputStream in = Files.newInputStream(file)) {
				return builder().parse(in).getDocumentElement();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
			catch (SAXException ex) {
				throw new IllegalStateException("Cannot parse " + file, ex);
			}
		}

		/**
		 * A module of the build.
		 *
		 * @param published whether {@code mvn deploy} publishes it
		 * @param manages the artifact ids its dependency management names (for a BOM)
		 */
		record Module(boolean published, Set<String> manages) {

		}

	}

}
