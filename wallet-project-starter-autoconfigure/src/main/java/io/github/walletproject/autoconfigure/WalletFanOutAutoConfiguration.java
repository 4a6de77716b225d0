package io.github.walletproject.autoconfigure;

import java.time.Duration;

import io.github.walletproject.access.ProjectAccessChecker;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.fanout.ReactiveWalletFanOut;
import io.github.walletproject.fanout.WalletFanOut;
import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.routing.ProjectRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of {@link WalletFanOut}: one call that runs a task in many projects,
 * each with its project bound, with the limits of {@code paysera.wallet.fan-out.*} (checked at
 * startup) on an executor of the starter's own.
 */
@AutoConfiguration(after = { WalletClientAutoConfiguration.class, WalletAccessAutoConfiguration.class })
@ConditionalOnBean({ WalletProjects.class, ProjectRegistry.class })
public final class WalletFanOutAutoConfiguration {

	/** More tasks than this at once would only queue behind the Wallet API's rate limits. */
	static final int MAX_CONCURRENCY = 256;

	@Bean
	@ConditionalOnMissingBean
	WalletFanOutExecutor walletFanOutExecutor(WalletProperties properties) {
		return WalletFanOutExecutor.create(concurrency(properties.getFanOut()));
	}

	@Bean
	@ConditionalOnMissingBean
	WalletFanOut walletFanOut(WalletProperties properties, ProjectRegistry registry, WalletProjects projects,
			ObjectProvider<ProjectAccessChecker> access, WalletFanOutExecutor executor,
			ObjectProvider<ObservationRegistry> observations) {
		WalletProperties.FanOut fanOut = properties.getFanOut();
		return new WalletFanOut(registry, projects::accessibleProjects,
				access.getIfAvailable(() -> ProjectAccessChecker.NONE), executor.executor(), concurrency(fanOut),
				deadline(fanOut), observations.getIfUnique(() -> ObservationRegistry.NOOP));
	}

	/** The same fan-out for reactive code, where Reactor is on the class path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.core.publisher.Flux")
	static class ReactiveFanOutConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveWalletFanOut reactiveWalletFanOut(WalletFanOut walletFanOut) {
			return new ReactiveWalletFanOut(walletFanOut);
		}

	}

	static int concurrency(WalletProperties.FanOut fanOut) {
		int concurrency = fanOut.getConcurrency();
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new WalletConfigurationException(PropertyKeys.FAN_OUT + "concurrency", "must be between 1 and " + MAX_CONCURRENCY
					+ ", got " + concurrency, "Use a small number such as 8 (the default)");
		}
		return concurrency;
	}

	static Duration deadline(WalletProperties.FanOut fanOut) {
		Duration deadline = fanOut.getDeadline();
		if (deadline == null || deadline.isNegative() || deadline.isZero()) {
			throw new WalletConfigurationException(PropertyKeys.FAN_OUT + "deadline", "must be positive, got " + deadline,
					"Use a duration such as 30s (the default) or 5s for a dashboard");
		}
		return deadline;
	}

}
