package io.github.walletproject.autoconfigure;

import io.github.walletproject.auth.ServerTimeOffset;
import io.github.walletproject.client.WalletMetrics;
import io.github.walletproject.observability.MicrometerWalletMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the starter: access checks, cache gets and loads, retries and the
 * clock offset. Wallet API calls themselves are observed through the {@code RestClient}
 * observation ({@code wallet.client.requests}).
 */
@AutoConfiguration(after = WalletClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ServerTimeOffset.class })
public final class WalletMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WalletMetrics.class)
	MicrometerWalletMetrics walletMetrics(MeterRegistry registry) {
		return new MicrometerWalletMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean(name = "walletClockOffsetMetric")
	MeterBinder walletClockOffsetMetric(ServerTimeOffset offset) {
		return registry -> Gauge.builder(MicrometerWalletMetrics.CLOCK_OFFSET, offset, ServerTimeOffset::seconds)
			.description("Server-minus-local clock offset applied to MAC timestamps")
			.baseUnit("seconds")
			.register(registry);
	}

}
