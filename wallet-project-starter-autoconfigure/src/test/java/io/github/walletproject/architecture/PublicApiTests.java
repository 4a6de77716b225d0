package io.github.walletproject.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public top-level types, held in {@code public-types.txt} next to this test, so
 * that a new public type is a decision a reviewer sees (one more line in that file) and not a
 * side effect of wiring: beans whose types users neither use nor replace live in
 * package-private classes, wired by package-private {@code @Configuration} classes that the
 * public auto-configurations import.
 */
class PublicApiTests {

	@Test
	void thePublicTypesAreExactlyTheListedOnes() throws IOException {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(location -> !location.contains("/test-classes/"))
			.importPackages(ArchitectureTests.ROOT);
		Set<String> actual = classes.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter(type -> !type.getSimpleName().equals("package-info"))
			// the test kit (io.github.walletproject.test) is a module of its own, on this class path for tests
			.filter(type -> !type.getPackageName().startsWith(ArchitectureTests.ROOT + ".test"))
			.map(type -> type.getName().substring(ArchitectureTests.ROOT.length() + 1))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(actual).as("public top-level types; a change here is an API decision: update "
				+ "public-types.txt, and the README's migration section when a type moves or goes")
			.containsExactlyElementsOf(listed());
	}

	@Test
	void theGuardFailsWhenATypeIsMadePublic() throws IOException {
		// the list is read as written: an extra public type would be missing from it
		assertThat(listed()).doesNotContain("routing.WalletProjectAdvisor", "routing.WalletProjectRequestValuesProcessor",
				"routing.WalletProjectHttpServicePostProcessor", "routing.WalletProjectResolver",
				"routing.WalletProjectProxyCheck", "client.RetryPolicy", "access.ProjectAccessRouteCheck");
	}

	private static Set<String> listed() throws IOException {
		try (InputStream in = PublicApiTests.class.getResourceAsStream("public-types.txt")) {
			assertThat(in).as("public-types.txt").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

}
