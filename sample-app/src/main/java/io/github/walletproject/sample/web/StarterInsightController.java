package io.github.walletproject.sample.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.walletproject.sample.mode.DemoWalletApi;
import io.github.walletproject.test.ReceivedRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the starter is doing: its meters, read from the application's {@link MeterRegistry}
 * (so the page needs no actuator round trip per meter), and in demo mode the requests the
 * embedded Wallet API received, with the project each carried and how its MAC was checked.
 * The page reads the starter's own actuator endpoint, {@code /actuator/wallet}, directly.
 * <p>
 * Series that counted nothing yet (the starter registers an access check's granted, denied
 * and unavailable counters together, say) are left out of a meter's {@code series}, and
 * counted in its {@code omittedZero}.
 */
@RestController
@RequestMapping("/api")
class StarterInsightController {

	/** The starter's meters the page shows; a meter the starter does not (yet) record shows as absent. */
	static final List<String> METERS = List.of("wallet.client.requests", "wallet.access.checks", "wallet.cache.gets");

	private static final int RECENT_REQUESTS = 30;

	/**
	 * The Wallet API calls that need no authentication, so are sent without a MAC by design:
	 * the server clock, and the public key that verifies Paysera's callbacks.
	 */
	private static final java.util.Set<String> UNAUTHENTICATED_CALLS = java.util.Set.of("GET server", "GET /publickey");

	private final ObjectProvider<MeterRegistry> registry;

	private final ObjectProvider<DemoWalletApi> demo;

	StarterInsightController(ObjectProvider<MeterRegistry> registry, ObjectProvider<DemoWalletApi> demo) {
		this.registry = registry;
		this.demo = demo;
	}

	/**
	 * The starter's meters, one entry per name, each with its series (tags and statistics).
	 * @return the meters
	 */
	@GetMapping("/metrics")
	List<Map<String, Object>> metrics() {
		MeterRegistry meters = this.registry.getIfAvailable();
		List<Map<String, Object>> result = new ArrayList<>();
		for (String name : METERS) {
			List<Map<String, Object>> series = new ArrayList<>();
			int omittedZero = 0;
			if (meters != null) {
				for (Meter meter : meters.find(name).meters()) {
					Map<String, String> tags = new TreeMap<>();
					for (Tag tag : meter.getId().getTags()) {
						tags.put(tag.getKey(), tag.getValue());
					}
					Map<String, Double> statistics = new LinkedHashMap<>();
					for (Measurement measurement : meter.measure()) {
						statistics.put(measurement.getStatistic().getTagValueRepresentation(), measurement.getValue());
					}
					Double count = statistics.get("count");
					if (count != null && count == 0) {
						omittedZero++;
						continue;
					}
					series.add(Map.of("type", meter.getId().getType().name(), "tags", tags, "statistics", statistics));
				}
			}
			result.add(Map.of("name", name, "present", !series.isEmpty() || omittedZero > 0, "series", series,
					"omittedZero", omittedZero));
		}
		return result;
	}

	/**
	 * The latest requests the embedded demo Wallet API received, newest first.
	 * @return the requests, or 404 outside demo mode
	 */
	@GetMapping("/demo/requests")
	ResponseEntity<?> demoRequests() {
		List<Map<String, Object>> recent = recentDemoRequests();
		if (recent == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("type", "NotInDemoMode", "message", "Only the embedded demo Wallet API records requests"));
		}
		return ResponseEntity.ok(recent);
	}

	/**
	 * The latest requests the embedded demo Wallet API received, newest first. Each one's
	 * {@code mac} says how its signature was checked: {@code valid}, {@code invalid},
	 * {@code unsigned-by-design} ({@code GET server} and {@code GET /publickey}, which need no
	 * authentication),
	 * {@code unsigned} (a call that needed a MAC came without one) or {@code certificate}
	 * (a TLS client certificate took the MAC's place).
	 * @return the requests, or {@code null} outside demo mode
	 */
	@Nullable List<Map<String, Object>> recentDemoRequests() {
		DemoWalletApi api = this.demo.getIfAvailable();
		if (api == null) {
			return null;
		}
		List<ReceivedRequest> all = api.api().requests();
		List<Map<String, Object>> recent = new ArrayList<>();
		for (int i = all.size() - 1; i >= 0 && recent.size() < RECENT_REQUESTS; i--) {
			ReceivedRequest request = all.get(i);
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("method", request.method());
			view.put("path", request.path());
			view.put("projectId", request.projectId());
			view.put("macId", (request.verification() != null) ? request.verification().macId() : null);
			view.put("signatureValid", request.signatureValid());
			view.put("mac", mac(request));
			view.put("status", request.status());
			recent.add(view);
		}
		return recent;
	}

	static String mac(ReceivedRequest request) {
		if (request.verification() != null) {
			return request.signatureValid() ? "valid" : "invalid";
		}
		if (request.clientCertificate() != null) {
			return "certificate";
		}
		return UNAUTHENTICATED_CALLS.contains(request.method() + " " + request.path()) ? "unsigned-by-design"
				: "unsigned";
	}

}
