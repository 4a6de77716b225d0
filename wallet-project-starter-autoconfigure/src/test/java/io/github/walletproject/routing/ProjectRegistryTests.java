package io.github.walletproject.routing;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectRegistryTests {

	private final WalletCredentials defaults = WalletCredentials.mac("default", new MacSigner("id", "key"));

	private final WalletCredentials market = WalletCredentials.mac("marketplace", new MacSigner("m", "k"));

	private final ProjectRegistry registry = ProjectRegistry.builder(this.defaults)
		.project("shop", 1221)
		.project("marketplace", 1222, this.market, null)
		.defaultProject(new ProjectRef.Alias("shop"))
		.build();

	@Test
	void resolvesAliasesIdsAndNumbers() {
		assertThat(this.registry.resolve(ref("shop"), "t").id()).isEqualTo(1221);
		assertThat(this.registry.resolve(ref("1221"), "t").alias()).isEqualTo("shop");
		assertThat(this.registry.resolve(ProjectRef.of(1222L), "t").credentials()).isSameAs(this.market);
		assertThat(this.registry.resolve(ref("1222"), "t").credentials()).isSameAs(this.market);
		ResolvedProject unconfigured = this.registry.resolve(ref("5000"), "t");
		assertThat(unconfigured.alias()).isNull();
		assertThat(unconfigured.credentials()).isSameAs(this.defaults);
		assertThat(unconfigured.tag()).isEqualTo(ResolvedProject.UNALIASED_TAG);
		assertThat(unconfigured.extParameters()).isEqualTo("project_id=5000");
		assertThat(this.registry.resolve(ref("5000"), "t")).isSameAs(unconfigured);
		assertThat(this.registry.defaultProject().alias()).isEqualTo("shop");
	}

	@Test
	void unknownAliasListsTheConfiguredOnes() {
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> this.registry.resolve(ref("shpo"), "test"))
			.withMessage("Unknown project alias 'shpo' from test. Configured aliases: shop, marketplace. Use one of them, "
					+ "a numeric project id, or add paysera.wallet.projects.shpo.id");
	}

	@Test
	void rejectsNonPositiveIdsAndNothing() {
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> ProjectRef.of(0L));
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> ProjectRef.of(-3));
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> ref("1.5"))
			.withMessageContaining("only the digits 0-9");
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> this.registry.resolve(null, "t"));
	}

	@Test
	void projectsOfOtherRegistriesAreLookedUpAgain() {
		ProjectRegistry other = ProjectRegistry.builder(this.market).project("shop", 999).build();
		ResolvedProject foreign = other.resolve(ref("shop"), "t");
		assertThat(this.registry.resolve(foreign, "t").credentials()).isSameAs(this.defaults);
		ResolvedProject handMade = new ResolvedProject(1222, null, this.defaults, null);
		assertThat(this.registry.resolve(handMade, "t").credentials()).isSameAs(this.market);
		assertThat(this.registry.resolve(foreign, "t").id()).isEqualTo(1221);
	}

	@Test
	void listsCredentialsAndTheirProjects() {
		assertThat(this.registry.credentials()).containsExactly(this.defaults, this.market);
		assertThat(this.registry.projectsOf(this.market)).extracting(ResolvedProject::alias).containsExactly("marketplace");
	}

	private static ProjectRef ref(String value) {
		return ProjectRef.parse(value, "t");
	}

}
