package io.github.walletproject.money;

import io.github.walletproject.internal.PropertyKeys;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The HTTP interfaces of this package and the HTTP service group they join.
 */
final class MoneyServices {

	/** Its default. */
	static final String DEFAULT_GROUP = "wallet";

	static final List<Class<?>> TYPES = List.of(WalletTransactions.class, WalletPayments.class,
			WalletAllowances.class, Wallets.class, ProjectLocations.class, WalletUsers.class);

	private MoneyServices() {
	}

	static boolean isMoneyType(Class<?> type) {
		return TYPES.contains(type);
	}

	/**
	 * The group the interfaces join: the first Wallet group.
	 * @param environment the environment
	 * @return the group name, or {@code null} when no group is configured as a Wallet group
	 */
	static @Nullable String groupName(Environment environment) {
		List<String> groups = Binder.get(environment)
			.bind(PropertyKeys.ROUTING_HTTP_SERVICE_GROUPS, Bindable.listOf(String.class))
			.orElse(List.of(DEFAULT_GROUP));
		return groups.stream().filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
	}

}
