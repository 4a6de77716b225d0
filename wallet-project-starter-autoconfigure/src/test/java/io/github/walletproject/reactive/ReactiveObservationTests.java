package io.github.walletproject.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectContext;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.support.RecordedObservations;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reactive client's observations carry the project as the blocking client's do: the same
 * observation name, the same convention (the blocking client's), and the
 * same low-cardinality keys and values for the same call; in an application with Boot's own
 * {@code WebClient} observation set-up, over real HTTP to the mock.
 */
@ExtendWith(MockWalletApiExtension.class)
class ReactiveObservationTests {

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = ReactiveTestApps.fixtures(mock);
	}

	@BeforeEach
	void reset() {
		api.reset();
		ReactiveTestApps.fixtures(api);
	}

	@Test
	void aReactiveCallIsObservedWithTheProjectAndTheSameLowCardinalityKeysAsABlockingOne() {
		RecordedObservations recorded = new RecordedObservations();
		ReactiveTestApps.runner(api)
			.withConfiguration(AutoConfigurations.of(RestClientObservationAutoConfiguration.class,
					WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class))
			.withPropertyValues("paysera.wallet.access.source=configured") // no access-list call among the observed
			.withBean(ObservationRegistry.class, () -> {
				ObservationRegistry registry = ObservationRegistry.create();
				registry.observationConfig().observationHandler(recorded);
				return registry;
			})
			.run(context -> {
				assertThat(context).hasNotFailed();
				RestClient blocking = context.getBean("walletRestClient", RestClient.class);
				WebClient reactive = context.getBean(ReactiveTestApps.WEB_CLIENT, WebClient.class);

				ProjectContext.callWith("marketplace",
						() -> blocking.get().uri("wallet/2113/balance?convert_to=EUR").retrieve().body(String.class));
				WalletReactive.withProject("marketplace", reactive.get()
					.uri("wallet/2113/balance?convert_to=EUR")
					.retrieve()
					.bodyToMono(String.class)).block(Duration.ofSeconds(10));
				// refused before anything is sent: no project bound and no default project
				assertThatExceptionOfType(NoProjectBoundException.class)
					.isThrownBy(() -> blocking.get().uri("wallet/2112/balance").retrieve().body(String.class));
				assertThatExceptionOfType(NoProjectBoundException.class).isThrownBy(() -> reactive.get()
					.uri("wallet/2112/balance")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10)));

				List<Observation.Context> calls = recorded.stopped()
					.stream()
					.filter(observed -> observed.getName().equals("wallet.client.requests"))
					.toList();
				assertThat(calls).as("the Wallet client observations of both clients among %s", recorded.stopped().stream().map(Observation.Context::getName).toList()).hasSize(4);
				Observation.Context blockingCall = calls.get(0);
				Observation.Context reactiveCall = calls.get(1);
				assertThat(blockingCall).isInstanceOf(
						org.springframework.http.client.observation.ClientRequestObservationContext.class);
				assertThat(reactiveCall).isInstanceOf(
						org.springframework.web.reactive.function.client.ClientRequestObservationContext.class);

				assertThat(lowCardinality(reactiveCall)).containsEntry("wallet.project",
						"marketplace")
					.containsEntry("outcome", "SUCCESS")
					.isEqualTo(lowCardinality(blockingCall));
				assertThat(reactiveCall.getHighCardinalityKeyValues().stream().map(KeyValue::getValue))
					.contains("1222")
					.noneMatch(value -> value.contains("convert_to"));

				Observation.Context blockingRefusal = calls.get(2);
				Observation.Context reactiveRefusal = calls.get(3);
				assertThat(lowCardinality(reactiveRefusal)).containsEntry("wallet.project",
						"none")
					.containsEntry("outcome", "REFUSED")
					.isEqualTo(lowCardinality(blockingRefusal));
			});
	}

	private static Map<String, String> lowCardinality(Observation.Context context) {
		Map<String, String> keys = new TreeMap<>();
		context.getLowCardinalityKeyValues().forEach(each -> keys.put(each.getKey(), each.getValue()));
		return keys;
	}

}
