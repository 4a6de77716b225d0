package io.github.walletproject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingParametersTests {

	@Test
	void encodesOnceAndKeepsOrder() {
		RoutingParameters location = RoutingParameters.of("location_id", "77");
		RoutingParameters both = location.and(RoutingParameters.of("place_id", "a.b:c-d_e"))
			.and(RoutingParameters.of("x", "1"));
		assertThat(location.encoded()).isEqualTo("location_id=77");
		assertThat(both.encoded()).isEqualTo("location_id=77&place_id=a.b%3Ac-d_e&x=1");
		List<String> headers = new ArrayList<>();
		both.forEachHeader((name, value) -> headers.add(name + ": " + value));
		assertThat(headers).containsExactly("Wallet-Api-Location-Id: 77", "Wallet-Api-Place-Id: a.b:c-d_e",
				"Wallet-Api-X: 1");
	}

	@Test
	void attributeConsumersCombine() {
		Map<String, Object> attributes = new HashMap<>();
		WalletRequestAttributes.routingParameter("location_id", "77").accept(attributes);
		WalletRequestAttributes.routingParameter("till_id", "3").accept(attributes);
		assertThat(attributes.get(WalletRequestAttributes.ROUTING_PARAMETERS)).hasToString("location_id=77&till_id=3");
	}

}
