package io.github.walletproject.it;

import java.math.BigDecimal;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletProject;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter through the whole stack against the MAC-verifying mock.
 */
@ExtendWith(MockWalletApiExtension.class)
class EndToEndTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}



	@Test
	void annotatedServiceCallsCarryItsProjectAndAValidSignature() {
		TestApps.runner(api).withBean(ShopPayments.class).run(context -> {
			assertThat(context).hasNotFailed();
			WalletBalance balance = context.getBean(ShopPayments.class).balance();
			assertThat(balance.currency("EUR")).get().satisfies(eur -> {
				assertThat(eur.atDisposal().amount()).isEqualByComparingTo(new BigDecimal("22.99"));
				assertThat(eur.reserved().amount()).isEqualByComparingTo(BigDecimal.ZERO);
			});
			assertThat(api).hasOnlyValidSignatures();
			assertThat(api).received(1).requestsTo("GET", "wallet/2112/balance");
			assertThat(api).received(0).requestsForProject("marketplace");
			assertThat(api.requests()).filteredOn(r -> r.path().equals("wallet/2112/balance"))
				.singleElement()
				.satisfies(r -> assertThat(r.ext()).containsEntry("project_id", "1221"));
		});
	}

	@Test
	void contextBindsProjectInCode() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			WalletBalance balance = ProjectContext.callWith("marketplace", wallet::balance);
			assertThat(api).hasOnlyValidSignatures().received(1).requestsTo("GET", "wallet/2113/balance");
			assertThat(ProjectContext.isBound()).isFalse();
		});
	}

	@Test
	void unboundCallFailsBeforeAnythingIsSent() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThatExceptionOfType(NoProjectBoundException.class).isThrownBy(() -> wallet.api().balance(2112))
				.withMessageContaining("No Wallet API project is bound")
				.withMessageContaining("shop, marketplace");
			assertThat(api).receivedNothing();
		});
	}

	@Test
	void inaccessibleProjectIsRefusedBeforeItsRequestIsSent() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> ProjectContext.callWith("1223", () -> wallet.api().balance(2114)))
				.withMessageStartingWith("No access to project 1223. Available projects: 1221 (shop), 1222 (marketplace)");
			assertThat(api).received(0).requestsForProject(1223);
			assertThat(api).received(1).requestsTo("GET", "user/me/projects");
		});
	}

	@Test
	void accountLevelCallsWorkUnboundAndCarryNoProject() {
		TestApps.runner(api).run(context -> {
			WalletProjects wallet = context.getBean(WalletProjects.class);
			assertThat(wallet.client().title()).isEqualTo("Mock client");
			assertThat(wallet.serverTime()).isNotNull();
			assertThat(api).hasOnlyValidSignatures().received(2).requestsWithoutProject();
		});
	}

	@WalletProject("shop")
	static class ShopPayments {

		private final WalletProjects wallet;

		ShopPayments(WalletProjects wallet) {
			this.wallet = wallet;
		}

		WalletBalance balance() {
			return this.wallet.balance();
		}

	}

}
