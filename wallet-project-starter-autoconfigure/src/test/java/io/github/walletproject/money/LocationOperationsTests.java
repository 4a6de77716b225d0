package io.github.walletproject.money;

import java.util.List;

import io.github.walletproject.ProjectAccessDeniedException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletApiException;
import io.github.walletproject.test.Fault;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ProjectLocations} against the MAC-verifying mock: a call whose path names a project is
 * routed to that project whatever is bound, and access-checked for it.
 */
@ExtendWith(MockWalletApiExtension.class)
class LocationOperationsTests {

	static MockWalletApi api;

	private final ApplicationContextRunner runner = MoneyTestApps.runner(api);

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = MoneyTestApps.fixtures(mock);
	}

	private static LocationRequest shop(String title) {
		return LocationRequest.builder(title)
			.address("Gedimino pr. 1, Vilnius")
			.coordinates(54.687, 25.279)
			.radius(50)
			.service("pay")
			.openingHours("monday", "09:00", "18:00")
			.price(LocationPrice.price("Coffee", Money.of("2.50", "EUR")))
			.publicLocation(true)
			.build();
	}

	@Test
	void createGoesToTheProjectInThePathEvenInsideAnotherBinding() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);

			Location created = ProjectContext.callWith("marketplace", () -> locations.create(1221, shop("Vilnius")));

			assertThat(api).lastRequestTo("POST", "project/1221/location")
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "title", "address", "lat", "lng", "radius", "working_hours", "prices",
						"services", "public")
				.hasBodyField("prices[0].price.amount", 250)
				.hasBodyField("prices[0].price.currency", "EUR")
				.hasBodyField("prices[0].type", "price")
				.hasBodyField("services.pay.available", true)
				.hasBodyField("working_hours.monday.opening_time", "09:00")
				.hasBodyField("public", true);
			assertThat(created.projectId()).isEqualTo(1221);
			assertThat(created.title()).isEqualTo("Vilnius");
			assertThat(created.status()).isEqualTo(LocationStatus.ACTIVE);
			assertThat(created.services()).containsExactly("pay");
			assertThat(created.workingHours()).containsEntry("monday", new OpeningHours("09:00", "18:00"));
			assertThat(created.prices()).containsExactly(LocationPrice.price("Coffee", Money.of("2.50", "EUR")));
			assertThat(created.lat()).isEqualTo(54.687);
		});
	}

	@Test
	void listingIsPagedAndTheStreamReadsEveryPage() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);
			for (int i = 1; i <= 5; i++) {
				locations.create(1222, shop("Kiosk " + i));
			}

			LocationPage page = locations.page(1222, LocationFilter.all().statuses(LocationStatus.ACTIVE).limit(2));
			assertThat(api).lastRequestTo("GET", "project/1222/locations")
				.hasValidSignature()
				.isForProject(1222)
				.hasQueryParameter("limit", "2")
				.hasQueryParameter("offset", "0")
				.hasQueryParameter("status", "active");
			int before = api.requests().size();
			List<String> all = locations.all(1222, LocationFilter.all().limit(2)).map(Location::title).toList();

			assertThat(page.items()).extracting(Location::title).containsExactly("Kiosk 1", "Kiosk 2");
			assertThat(page.hasNext()).isTrue();
			assertThat(page.total()).isEmpty();
			assertThat(all).containsExactly("Kiosk 1", "Kiosk 2", "Kiosk 3", "Kiosk 4", "Kiosk 5");
			assertThat(api.requests().subList(before, api.requests().size()))
				.filteredOn(r -> r.path().equals("project/1222/locations"))
				.extracting(r -> r.queryParameter("offset").orElseThrow())
				.containsExactly("0", "2", "4");
		});
	}

	@Test
	void updateNamesTheLocationAndGoesToTheBoundProject() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);
			long id = locations.create(1221, shop("Old name")).id();

			Location updated = ProjectContext.callWith("shop",
					() -> locations.update(id, LocationRequest.builder("New name").status(LocationStatus.INACTIVE).build()));

			assertThat(api).lastRequestTo("PUT", "location/" + id)
				.hasValidSignature()
				.isForProject(1221)
				.hasBodyFieldNames("", "title", "status")
				.hasBodyField("status", "inactive");
			assertThat(updated.title()).isEqualTo("New name");
			assertThat(updated.status()).isEqualTo(LocationStatus.INACTIVE);
			assertThat(updated.address()).isEqualTo("Gedimino pr. 1, Vilnius");
		});
	}

	@Test
	void aProjectTheCredentialsCannotUseIsRefusedBeforeAnythingIsSent() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);

			assertThatExceptionOfType(ProjectAccessDeniedException.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> locations.create(1223, shop("Not mine"))));
			assertThat(api.requests()).noneMatch(r -> r.path().startsWith("project/1223"));
		});
	}

	@Test
	void aRefusedListingIsATypedError() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);
			api.failNext("GET", "project/1221/locations", Fault.error(403, "forbidden", "No locations scope"), 1);

			assertThatExceptionOfType(WalletApiException.Forbidden.class)
				.isThrownBy(() -> locations.list(1221, LocationFilter.all()))
				.satisfies(ex -> assertThat(ex.getErrorDescription()).contains("No locations scope"));
			assertThat(api).lastRequestTo("GET", "project/1221/locations").isForProject(1221);
		});
	}

	@Test
	void anUnknownLocationIsNotFoundAndAnotherProjectsIsForbidden() {
		this.runner.run(context -> {
			ProjectLocations locations = context.getBean(ProjectLocations.class);
			assertThatExceptionOfType(WalletApiException.NotFound.class)
				.isThrownBy(() -> ProjectContext.runWith("shop", () -> locations.update(987_654, shop("Nowhere"))));
			long id = locations.create(1221, shop("Shop's")).id();

			assertThatExceptionOfType(WalletApiException.Forbidden.class)
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> locations.update(id, shop("Taken"))))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo("forbidden"));
		});
	}

}
