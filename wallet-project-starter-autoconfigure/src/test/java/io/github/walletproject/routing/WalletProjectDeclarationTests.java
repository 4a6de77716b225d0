package io.github.walletproject.routing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import io.github.walletproject.WalletProject;
import io.github.walletproject.autoconfigure.Analyzers;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unusable {@code @WalletProject} declarations stop the application at startup with a
 * message naming the class, the method, the value and the configured aliases.
 */
@ExtendWith(MockWalletApiExtension.class)
class WalletProjectDeclarationTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}


	private ApplicationContextRunner runner(Class<?> bean) {
		return TestApps.runner(api).withBean(bean);
	}

	@Test
	void unknownAlias() {
		runner(UnknownAlias.class).run(context -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("@WalletProject('shpo')")
				.contains(UnknownAlias.class.getName() + ".pay(String)")
				.contains("no project alias 'shpo' is configured");
			assertThat(analysis.getAction()).contains("shop, marketplace");
			assertThat(analysis.getCause()).hasMessageContaining("Configured aliases: shop, marketplace");
		});
	}

	@Test
	void malformedIds() {
		for (Class<?> bean : new Class<?>[] { LeadingZero.class, Zero.class, Overflow.class, Negative.class }) {
			runner(bean).run(context -> assertThat(analyze(context).getDescription())
				.contains(bean.getName() + ".pay()")
				.containsAnyOf("not a valid project id", "neither a project id nor a well-formed alias"));
		}
	}

	@Test
	void classLevelDeclarationsAreCheckedEvenForUncalledMethods() {
		runner(BadClassLevel.class).run(context -> assertThat(analyze(context).getDescription())
			.contains("'marketplce'")
			.contains(BadClassLevel.class.getName()));
	}

	@Test
	void everyAnnotatedMethodOfAClassIsCheckedNotOnlyTheFirst() {
		runner(SecondMethodBad.class).run(context -> assertThat(analyze(context).getDescription())
			.contains(SecondMethodBad.class.getName() + ".second()")
			.contains("'nope'"));
	}

	@Test
	void unresolvablePlaceholder() {
		runner(MissingPlaceholder.class).run(context -> assertThat(analyze(context).getDescription())
			.contains("${payments.missing}")
			.contains("placeholder cannot be resolved"));
	}

	@Test
	void placeholderResolvingToUnknownAlias() {
		runner(MissingPlaceholder.class).withPropertyValues("payments.missing=donations")
			.run(context -> assertThat(analyze(context).getDescription())
				.contains("(resolved to 'donations')")
				.contains("paysera.wallet.projects.donations.id"));
	}

	@Test
	void unparsableSpel() {
		runner(BrokenSpel.class).run(context -> assertThat(analyze(context).getDescription())
			.contains("#{#order.}")
			.contains("SpEL template does not parse"));
	}

	@Test
	void conflictingMetaAnnotations() {
		runner(Conflicting.class).run(context -> assertThat(analyze(context).getDescription())
			.contains(Conflicting.class.getName() + ".pay()")
			.contains("2 @WalletProject annotations")
			.contains("[shop, marketplace]"));
	}

	@Test
	void emptyValue() {
		runner(Empty.class).run(context -> assertThat(analyze(context).getDescription()).contains("the value is empty"));
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		FailureAnalysis analysis = Analyzers.analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	static class UnknownAlias {

		@WalletProject("shpo")
		void pay(String order) {
		}

	}

	static class LeadingZero {

		@WalletProject("01221")
		void pay() {
		}

	}

	static class Zero {

		@WalletProject("0")
		void pay() {
		}

	}

	static class Overflow {

		@WalletProject("9999999999999999999999")
		void pay() {
		}

	}

	static class Negative {

		@WalletProject("-1221")
		void pay() {
		}

	}

	@WalletProject("marketplce")
	static class BadClassLevel {

		void pay() {
		}

	}

	static class SecondMethodBad {

		@WalletProject("shop")
		void first() {
		}

		@WalletProject("nope")
		void second() {
		}

	}

	static class MissingPlaceholder {

		@WalletProject("${payments.missing}")
		void pay() {
		}

	}

	static class BrokenSpel {

		@WalletProject("#{#order.}")
		void pay(Object order) {
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@WalletProject("shop")
	@interface Shop {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@WalletProject("marketplace")
	@interface Marketplace {

	}

	static class Conflicting {

		@Shop
		@Marketplace
		void pay() {
		}

	}

	static class Empty {

		@WalletProject
		void pay() {
		}

	}

}
