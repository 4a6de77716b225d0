package io.github.walletproject.sample;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What users get from the build, checked on the jars it has just packaged: Failsafe runs this
 * in the {@code integration-test} phase of {@code mvn verify}, when the reactor's modules are on
 * this module's class path as their jars. Each published jar names its module in its manifest
 * ({@code Automatic-Module-Name}), the names are valid and distinct and the jars share no
 * package, so they resolve together on the module path. The {@code wallet-project-dependencies}
 * BOM has no parent (so importing it cannot pin Spring Boot's versions) and manages exactly the
 * published artifacts, at the project's version. The POMs carry the metadata Maven Central
 * requires, every jar the Apache licence and notice, and every entry the build's output
 * timestamp (issue 26).
 */
class PublishedArtifactsIT {

	private static final String GROUP_ID = "io.github.walletproject";

	/** Each published artifact and the module name its manifest declares. */
	private static final Map<String, String> MODULE_NAMES = Map.of("wallet-project-starter",
			"io.github.walletproject.starter", "wallet-project-starter-autoconfigure", "io.github.walletproject",
			"wallet-project-starter-test", "io.github.walletproject.test");

	private final Path root = Path.of(requiredProperty("wallet.build.root")).normalize();

	private final String version = requiredProperty("wallet.build.version");

	// ---- Automatic-Module-Name ----------------------------------------------------------------

	@Test
	void everyPublishedJarNamesItsModuleInItsManifest() throws Exception {
		for (Map.Entry<String, String> artifact : MODULE_NAMES.entrySet()) {
			Path jar = jarOf(artifact.getKey());
			try (JarFile file = new JarFile(jar.toFile())) {
				assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
					.as("Automatic-Module-Name in %s", jar)
					.isEqualTo(artifact.getValue());
			}
			assertThat(ModuleFinder.of(jar).findAll()).singleElement()
				.extracting(ModuleReference::descriptor)
				.satisfies((descriptor) -> assertThat(descriptor.isAutomatic()).isTrue())
				.extracting(ModuleDescriptor::name)
				.isEqualTo(artifact.getValue());
		}
	}

	@Test
	void theJarsResolveTogetherOnTheModulePathWithDistinctNamesAndNoSharedPackage() throws Exception {
		List<Path> jars = new ArrayList<>();
		for (String artifactId : MODULE_NAMES.keySet()) {
			jars.add(jarOf(artifactId));
		}

		Configuration configuration = ModuleLayer.boot()
			.configuration()
			.resolve(ModuleFinder.of(jars.toArray(Path[]::new)), ModuleFinder.of(), MODULE_NAMES.values());

		assertThat(configuration.modules()).extracting(ResolvedModule::name)
			.containsExactlyInAnyOrderElementsOf(MODULE_NAMES.values());
		Set<String> packages = new HashSet<>();
		for (ResolvedModule module : configuration.modules()) {
			for (String pkg : module.reference().descriptor().packages()) {
				assertThat(packages.add(pkg)).as("package %s is in two jars", pkg).isTrue();
			}
		}
		assertThat(packages).contains("io.github.walletproject", "io.github.walletproject.test");
	}

	/**
	 * The jar Maven built for a module of this reactor: found through the Maven descriptor that
	 * only a packaged jar has, at this build's version.
	 */
	private Path jarOf(String artifactId) throws IOException, URISyntaxException {
		String descriptor = "META-INF/maven/" + GROUP_ID + "/" + artifactId + "/pom.properties";
		URL url = getClass().getClassLoader().getResource(descriptor);
		if (url == null || !"jar".equals(url.getProtocol())) {
			return fail("%s is not on the class path as a packaged jar (found %s): run this test through `mvn verify`,"
					+ " whose integration-test phase comes after the reactor's jars are packaged", artifactId, url);
		}
		JarURLConnection connection = (JarURLConnection) url.openConnection();
		connection.setUseCaches(false);
		Properties properties = new Properties();
		try (InputStream in = connection.getInputStream()) {
			properties.load(in);
		}
		assertThat(properties.getProperty("version")).as("version of the %s jar", artifactId).isEqualTo(this.version);
		return Path.of(connection.getJarFileURL().toURI());
	}

	// ---- the BOM ------------------------------------------------------------------------------

	@Test
	void theBomHasNoParentAndManagesOnlyThisProjectsArtifactsAtItsVersion() throws Exception {
		Element bom = pom(this.root.resolve("wallet-project-dependencies"));

		assertThat(child(bom, "parent"))
			.as("wallet-project-dependencies must have no parent: an imported BOM brings its inherited dependency"
					+ " management too, and would override the application's Spring Boot versions")
			.isNull();
		assertThat(text(bom, "groupId")).isEqualTo(GROUP_ID);
		assertThat(text(bom, "version")).isEqualTo(this.version);
		assertThat(text(bom, "packaging")).isEqualTo("pom");
		assertThat(child(bom, "dependencies")).as("a BOM declares no dependencies of its own").isNull();
		Element profiles = child(bom, "profiles");
		for (Element profile : (profiles != null) ? children(profiles, "profile") : List.<Element>of()) {
			assertThat(child(profile, "dependencyManagement")).as("profile %s of the BOM manages versions", text(profile, "id"))
				.isNull();
			assertThat(child(profile, "dependencies")).as("profile %s of the BOM declares dependencies", text(profile, "id"))
				.isNull();
		}
		Map<String, Element> managed = managed(bom);
		for (Map.Entry<String, Element> dependency : managed.entrySet()) {
			Element element = dependency.getValue();
			assertThat(text(element, "groupId")).as(dependency.getKey()).isEqualTo(GROUP_ID);
			assertThat(text(element, "version")).as(dependency.getKey()).isEqualTo("${project.version}");
			assertThat(child(element, "scope")).as("scope of %s", dependency.getKey()).isNull();
			assertThat(child(element, "type")).as("type of %s", dependency.getKey()).isNull();
		}
		assertThat(managed.keySet()).containsExactlyInAnyOrderElementsOf(publishedArtifacts());
	}

	@Test
	void everyPublishedArtifactHasAModuleNameAndTheParentManagesTheSameArtifactsAsTheBom() throws Exception {
		Element parent = pom(this.root);
		Set<String> managedByParent = new HashSet<>();
		managed(parent).forEach((key, dependency) -> {
			if (GROUP_ID.equals(text(dependency, "groupId"))) {
				managedByParent.add(key);
			}
		});

		assertThat(publishedArtifacts()).containsExactlyInAnyOrderElementsOf(MODULE_NAMES.keySet());
		assertThat(managedByParent)
			.containsExactlyInAnyOrderElementsOf(managed(pom(this.root.resolve("wallet-project-dependencies"))).keySet());
		assertThat(text(parent, "version")).isEqualTo(this.version);
		assertThat(modules(parent)).contains("wallet-project-dependencies");
	}

	// ---- what Maven Central requires, and the licence ------------------------------------------

	/** The metadata every published POM must carry (itself or from wallet-project-parent). */
	private static final List<String> METADATA = List.of("url", "licenses", "developers", "scm", "issueManagement",
			"organization");

	@Test
	void theParentAndTheBomCarryTheProjectsMetadataAndEveryPublishedModuleItsNameAndDescription() throws Exception {
		Element parent = pom(this.root);
		Element bom = pom(this.root.resolve("wallet-project-dependencies"));
		for (String element : METADATA) {
			assertThat(child(parent, element)).as("<%s> of wallet-project-parent (else Spring Boot's is inherited)", element)
				.isNotNull();
			assertThat(flat(child(bom, element))).as("<%s> of the BOM, which has no parent, equals the parent's", element)
				.isEqualTo(flat(child(parent, element)));
		}
		String url = text(parent, "url");
		assertThat(url).startsWith("https://github.com/");
		assertThat(child(parent, "url").getAttribute("child.project.url.inherit.append.path"))
			.as("modules keep the project's URL rather than appending their artifact id")
			.isEqualTo("false");
		Element scm = child(parent, "scm");
		assertThat(text(scm, "url")).isEqualTo(url);
		assertThat(text(scm, "connection")).isEqualTo("scm:git:" + url + ".git");
		for (String attribute : List.of("child.scm.url.inherit.append.path", "child.scm.connection.inherit.append.path",
				"child.scm.developerConnection.inherit.append.path")) {
			assertThat(scm.getAttribute(attribute)).as(attribute).isEqualTo("false");
		}
		assertThat(text(child(parent, "issueManagement"), "url")).isEqualTo(url + "/issues");
		Element license = child(child(parent, "licenses"), "license");
		assertThat(text(license, "name")).isEqualTo("Apache-2.0");
		assertThat(text(license, "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
		assertThat(children(child(parent, "developers"), "developer")).singleElement()
			.satisfies((developer) -> assertThat(text(developer, "name")).contains("wallet-project-starter"));

		for (String module : modules(parent)) {
			Element pom = pom(this.root.resolve(module));
			if (publishedArtifacts().contains(text(pom, "artifactId")) || module.equals("wallet-project-dependencies")) {
				assertThat(text(pom, "name")).as("<name> of %s", module).isNotBlank();
				assertThat(text(pom, "description")).as("<description> of %s", module).isNotBlank();
				for (String element : METADATA) {
					if (!module.equals("wallet-project-dependencies")) {
						assertThat(child(pom, element)).as("%s overrides the project's <%s>", module, element).isNull();
					}
				}
			}
		}
	}

	@Test
	void theApacheLicenceAndTheNoticeAreAtTheRootAndInEveryPublishedJar() throws Exception {
		String licence = Files.readString(this.root.resolve("LICENSE"));
		assertThat(licence).contains("Apache License", "Version 2.0, January 2004",
				"TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
		String notice = Files.readString(this.root.resolve("NOTICE"));
		assertThat(notice).startsWith("wallet-project-starter").contains("Apache License, Version 2.0");
		for (String artifactId : MODULE_NAMES.keySet()) {
			try (JarFile jar = new JarFile(jarOf(artifactId).toFile())) {
				assertThat(entry(jar, "META-INF/LICENSE")).as("META-INF/LICENSE of %s", artifactId).isEqualTo(licence);
				assertThat(entry(jar, "META-INF/NOTICE")).as("META-INF/NOTICE of %s", artifactId).isEqualTo(notice);
			}
		}
	}

	@Test
	void everyPublishedJarEntryCarriesTheBuildsOutputTimestampSoThatTwoBuildsAreIdentical() throws Exception {
		Element properties = child(pom(this.root), "properties");
		String timestamp = (properties != null) ? text(properties, "project.build.outputTimestamp") : null;
		assertThat(timestamp).as("project.build.outputTimestamp of wallet-project-parent").isNotNull();
		assertThat(text(child(pom(this.root.resolve("wallet-project-dependencies")), "properties"),
				"project.build.outputTimestamp"))
			.as("the BOM's project.build.outputTimestamp")
			.isEqualTo(timestamp);
		// the DOS date and time fields of a zip entry, which the archiver writes in UTC
		java.time.LocalDateTime expected = java.time.LocalDateTime.ofInstant(java.time.Instant.parse(timestamp),
				java.time.ZoneOffset.UTC);
		for (String artifactId : MODULE_NAMES.keySet()) {
			try (JarFile jar = new JarFile(jarOf(artifactId).toFile())) {
				jar.stream()
					.forEach((entry) -> assertThat(entry.getTimeLocal()).as("time of %s in %s", entry.getName(), artifactId)
						.isEqualTo(expected));
			}
		}
	}

	private static @Nullable String entry(JarFile jar, String name) throws IOException {
		java.util.zip.ZipEntry entry = jar.getEntry(name);
		if (entry == null) {
			return null;
		}
		try (InputStream in = jar.getInputStream(entry)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** An element's text content with whitespace runs made one space, for comparing two POMs' elements. */
	private static @Nullable String flat(@Nullable Element element) {
		return (element != null) ? element.getTextContent().strip().replaceAll("\\s+", " ") : null;
	}

	/** The jar modules of the reactor (profiles' modules included) that {@code mvn deploy} publishes. */
	private Set<String> publishedArtifacts() throws Exception {
		Set<String> published = new HashSet<>();
		for (String module : modules(pom(this.root))) {
			Element pom = pom(this.root.resolve(module));
			String packaging = (text(pom, "packaging") != null) ? text(pom, "packaging") : "jar";
			Element properties = child(pom, "properties");
			boolean deploySkipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
			if (packaging.equals("jar") && !deploySkipped) {
				published.add(text(pom, "artifactId"));
			}
		}
		return published;
	}

	private static List<String> modules(Element pom) {
		List<String> modules = new ArrayList<>(texts(child(pom, "modules"), "module"));
		Element profiles = child(pom, "profiles");
		if (profiles != null) {
			for (Element profile : children(profiles, "profile")) {
				modules.addAll(texts(child(profile, "modules"), "module"));
			}
		}
		return modules;
	}

	private static Map<String, Element> managed(Element pom) {
		Map<String, Element> managed = new LinkedHashMap<>();
		Element management = child(pom, "dependencyManagement");
		Element dependencies = (management != null) ? child(management, "dependencies") : null;
		if (dependencies != null) {
			for (Element dependency : children(dependencies, "dependency")) {
				assertThat(managed.put(text(dependency, "artifactId"), dependency)).as("managed twice").isNull();
			}
		}
		return managed;
	}

	private static Element pom(Path directory) throws Exception {
		Path file = directory.resolve("pom.xml");
		assertThat(file).isRegularFile();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		try (InputStream in = Files.newInputStream(file)) {
			return factory.newDocumentBuilder().parse(in).getDocumentElement();
		}
	}

	private static @Nullable Element child(Element parent, String name) {
		List<Element> children = children(parent, name);
		assertThat(children).as("<%s> elements in <%s>", name, parent.getTagName()).hasSizeLessThanOrEqualTo(1);
		return children.isEmpty() ? null : children.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	private static @Nullable String text(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().trim() : null;
	}

	private static List<String> texts(@Nullable Element parent, String name) {
		return (parent != null) ? children(parent, name).stream().map((e) -> e.getTextContent().trim()).toList()
				: List.of();
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property " + name
					+ " is not set: run this test through Maven (`mvn verify`), whose Failsafe configuration in"
					+ " sample-app/pom.xml sets it");
		}
		return value;
	}

}
