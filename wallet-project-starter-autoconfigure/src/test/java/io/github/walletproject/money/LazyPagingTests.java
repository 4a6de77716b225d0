package io.github.walletproject.money;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Paging across several pages under a binding, and the lazy stream's binding rule: every page
 * goes to the project bound when the stream was created, even when the stream is read after
 * the {@code @WalletProject} method that made it returned, inside another binding, or on
 * another thread; with nothing bound at creation, no project is invented.
 */
@ExtendWith(MockWalletApiExtension.class)
class LazyPagingTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api).withUserConfiguration(ReportsConfig.class);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	@AfterEach
	void nothingLeftBound() {
		assertThat(ProjectContext.isBound()).isFalse();
	}

	private static List<ReceivedRequest> statementRequests(int from) {
		List<ReceivedRequest> all = api.requests();
		return all.subList(from, all.size()).stream().filter(r -> r.path().equals("wallet/2112/statements")).toList();
	}

	@Test
	void pagesAreFetchedOneAfterAnotherUnderTheBinding() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			List<Statement> all = ProjectContext.callWith("marketplace",
					() -> wallets.allStatements(2112, StatementFilter.all().limit(20)).toList());

			assertThat(all).hasSize(45);
			assertThat(all).extracting(Statement::id).doesNotHaveDuplicates().first().isEqualTo(2112045L);
			assertThat(all).last().extracting(Statement::id).isEqualTo(2112001L);
			List<ReceivedRequest> pages = statementRequests(0);
			assertThat(pages).extracting(r -> r.queryParameter("offset").orElseThrow()).containsExactly("0", "20", "40");
			assertThat(pages).allSatisfy(r -> {
				assertThat(r.projectId()).isEqualTo(1222);
				assertThat(r.queryParameter("limit")).contains("20");
				assertThat(r.signatureValid()).isTrue();
			});
		});
	}

	@Test
	void theStreamIsReadAfterTheAnnotatedMethodReturnedAndStillGoesToItsProject() {
		this.runner.run(context -> {
			Reports reports = context.getBean(Reports.class);

			Stream<Statement> stream = reports.marketplaceStatements(2112);

			assertThat(ProjectContext.isBound()).isFalse();
			assertThat(statementRequests(0)).as("nothing is fetched before the stream is read").isEmpty();
			List<Statement> all = stream.toList();
			assertThat(all).hasSize(45);
			assertThat(statementRequests(0)).hasSize(3)
				.allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1222));
		});
	}

	@Test
	void aStreamReadInsideAnotherBindingKeepsItsOwnProject() {
		this.runner.run(context -> {
			Stream<Statement> stream = context.getBean(Reports.class).marketplaceStatements(2112);

			long count = ProjectContext.callWith("shop", stream::count);

			assertThat(count).isEqualTo(45);
			assertThat(statementRequests(0)).hasSize(3).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1222));
		});
	}

	@Test
	void aStreamReadOnAnotherThreadKeepsItsProjectAndLeavesThatThreadUnbound() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			this.runner.run(context -> {
				Stream<Statement> stream = context.getBean(Reports.class).marketplaceStatements(2112);

				List<Statement> all = CompletableFuture.supplyAsync(stream::toList, pool).get();
				boolean boundAfterwards = CompletableFuture.supplyAsync(ProjectContext::isBound, pool).get();

				assertThat(all).hasSize(45);
				assertThat(boundAfterwards).isFalse();
				assertThat(statementRequests(0)).hasSize(3).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1222));
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void pagesAreFetchedOnlyAsFarAsTheStreamIsRead() {
		this.runner.run(context -> {
			Stream<Statement> stream = context.getBean(Reports.class).marketplaceStatements(2112);

			List<Statement> firstTwentyFive = stream.limit(25).toList();

			assertThat(firstTwentyFive).hasSize(25);
			assertThat(statementRequests(0)).extracting(r -> r.queryParameter("offset").orElseThrow())
				.containsExactly("0", "20");
		});
	}

	@Test
	void aStreamCreatedWithNothingBoundInventsNoProject() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			Stream<Statement> unbound = wallets.allStatements(2112, StatementFilter.all().limit(20));
			// read outside any binding: no default project is configured, so the page has nowhere to go
			assertThatExceptionOfType(NoProjectBoundException.class).isThrownBy(unbound::toList);
			// read inside a binding: refused, because its pages would go to that binding's project
			Stream<Statement> later = wallets.allStatements(2112, StatementFilter.all().limit(20));
			assertThatIllegalStateException().isThrownBy(() -> ProjectContext.runWith("shop", later::toList))
				.withMessageContaining("created with no Wallet project bound")
				.withMessageContaining("binding of 'shop'");
			assertThat(statementRequests(0)).isEmpty();
		});
	}

	@Test
	void withADefaultProjectAnUnboundStreamUsesItLikeAnyUnboundCall() {
		this.runner.withPropertyValues("paysera.wallet.default-project=shop").run(context -> {
			Stream<Statement> stream = context.getBean(Wallets.class)
				.allStatements(2112, StatementFilter.all().limit(20));

			assertThat(stream.count()).isEqualTo(45);
			assertThat(statementRequests(0)).hasSize(3).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(1221));
		});
	}

	@Test
	void aStreamStartsAtItsFilterOffsetAndStopsAtTheTotal() {
		this.runner.run(context -> {
			Wallets wallets = context.getBean(Wallets.class);

			List<Statement> rest = ProjectContext.callWith("shop",
					() -> wallets.allStatements(2112, StatementFilter.all().limit(15).offset(10)).toList());

			assertThat(rest).hasSize(35).first().extracting(Statement::id).isEqualTo(2112035L);
			assertThat(statementRequests(0)).extracting(r -> r.queryParameter("offset").orElseThrow())
				.containsExactly("10", "25", "40");
		});
	}

	static class Reports {

		private final Wallets wallets;

		Reports(Wallets wallets) {
			this.wallets = wallets;
		}

		@WalletProject("marketplace")
		public Stream<Statement> marketplaceStatements(long walletId) {
			return this.wallets.allStatements(walletId, StatementFilter.all().limit(20));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReportsConfig {

		@Bean
		Reports reports(Wallets wallets) {
			return new Reports(wallets);
		}

	}

}
