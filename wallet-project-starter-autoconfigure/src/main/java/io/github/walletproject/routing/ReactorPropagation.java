package io.github.walletproject.routing;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Hooks;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Whether Reactor restores the thread-locals registered with Micrometer context propagation
 * (the project binding among them) on every thread a reactive chain runs on: automatic context
 * propagation ({@code Hooks.enableAutomaticContextPropagation()}). Spring Boot turns it on, from
 * its {@code ReactorAutoConfiguration}, when {@value #PROPERTY} is {@code auto}. Without it, a
 * blocking Wallet call made inside a chain (on a bounded-elastic thread, say) sees no project.
 * Only loaded when Reactor is present.
 */
final class ReactorPropagation {

	/** Boot's property. */
	static final String PROPERTY = "spring.reactor.context-propagation";

	/** The class that applies {@link #PROPERTY}. */
	private static final String BOOT_REACTOR = "org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration";

	private ReactorPropagation() {
	}

	/**
	 * Whether automatic propagation is on now.
	 * @return {@code true} when Reactor restores thread-locals on every operator
	 */
	static boolean active() {
		return Hooks.isAutomaticContextPropagationEnabled();
	}

	/**
	 * Whether automatic propagation is on now or will be once the application context has
	 * started: at startup, the beans that carry {@code @WalletProject} are usually created
	 * before Boot's {@code ReactorAutoConfiguration} applies the property, so the property is
	 * read here as Boot reads it (relaxed names, any case).
	 * @param environment the application's environment, or {@code null}
	 * @return {@code true} when on, or when Boot is going to turn it on
	 */
	static boolean declared(@Nullable Environment environment) {
		if (active()) {
			return true;
		}
		return environment != null && "auto".equalsIgnoreCase(mode(environment).trim())
				&& ClassUtils.isPresent(BOOT_REACTOR, ReactorPropagation.class.getClassLoader());
	}

	private static String mode(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			return Binder.get(configurable).bind(PROPERTY, String.class).orElse("");
		}
		String mode = environment.getProperty(PROPERTY);
		return (mode != null) ? mode : "";
	}

}
