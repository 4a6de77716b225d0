package io.github.walletproject.security;

import java.util.List;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.autoconfigure.Analyzers;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.client.RestClient;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Hostile project values from every source are rejected before any request is built, and
 * nothing user-supplied can add a header or an ext parameter.
 */
@ExtendWith(MockWalletApiExtension.class)
class HostileInputTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	static List<String> hostile() {
		return List.of("1221\r\nX-Injected: yes", "1221\n", "shop\"", "1221\", ext=\"project_id=1222", "1221,1222",
				"1221 1222", " 1221", "1221&project_id=1222", "project_id=1222", "ąžuolas", "shop\u0000", "0", "-1221",
				"+1221", "01221", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
				"1e3", "0x4C5", "", "\u202e1221", "shop;drop");
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void requestAttributesRejectHostileValues(String value) {
		TestApps.runner(api).withBean(Calls.class).run(context -> {
			Calls calls = context.getBean(Calls.class);
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> calls.viaAttributeHelper(value));
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> calls.viaRawAttribute(value))
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n"));
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> calls.viaSpel(value));
			assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> ProjectContext.open(value));
			assertThat(api).receivedNothing();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "1221\r\nX: y", "shop\"", "sh op", "0", "-5", "01221", "99999999999999999999" })
	void configurationRejectsHostileValues(String value) {
		TestApps.runner(api).withPropertyValues("paysera.wallet.default-project=" + value).run(context -> {
			assertThat(context).hasFailed();
			assertThat(Analyzers.analyze(context.getStartupFailure()).getDescription())
				.contains("paysera.wallet.default-project");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-3" })
	void configuredIdsMustBePositive(String id) {
		TestApps.runner(api).withPropertyValues("paysera.wallet.projects.shop.id=" + id).run(context -> assertThat(
				Analyzers.analyze(context.getStartupFailure()).getDescription())
			.contains("paysera.wallet.projects.shop.id must be a positive project id"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "sh op", "1shop", "shop\"x" })
	void configuredAliasesMustBeWellFormed(String alias) {
		TestApps.runner(api).withPropertyValues("paysera.wallet.projects[" + alias + "].id=5").run(context -> {
			assertThat(context).hasFailed();
			assertThat(Analyzers.analyze(context.getStartupFailure()).getDescription()).contains("has an invalid alias");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "77\r\nX-Injected: yes", "77\"", "77,78", "7 7", "77&project_id=1" })
	void routingParametersCannotInjectAnything(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> WalletRequestAttributes.routingParameter("location_id", value));
		assertThatIllegalArgumentException().isThrownBy(() -> WalletRequestAttributes.routingParameter("project_id", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> WalletRequestAttributes.routingParameter("Location\r\n", "1"));
	}

	static class Calls {

		private final RestClient client;

		Calls(@Qualifier("walletRestClient") RestClient client) {
			this.client = client;
		}

		void viaAttributeHelper(String project) {
			this.client.get().uri("client").attributes(WalletRequestAttributes.project(project)).retrieve().toBodilessEntity();
		}

		void viaRawAttribute(String project) {
			this.client.get().uri("client").attribute(WalletRequestAttributes.PROJECT, project).retrieve().toBodilessEntity();
		}

		@WalletProject("#{#project}")
		void viaSpel(String project) {
			this.client.get().uri("client").retrieve().toBodilessEntity();
		}

	}

}
