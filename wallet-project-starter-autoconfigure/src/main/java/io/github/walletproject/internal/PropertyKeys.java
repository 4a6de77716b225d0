package io.github.walletproject.internal;

/**
 * The starter's property names that code outside {@code WalletProperties} reads or reports,
 * written once. Renamed keys are not here: they are declared once, as {@code error}-level
 * deprecations in {@code META-INF/additional-spring-configuration-metadata.json}, which both
 * the IDE and the startup check read.
 */
public final class PropertyKeys {

	/** The root of every property of the starter, {@code paysera.wallet}. */
	public static final String ROOT = "paysera.wallet";

	/** The root followed by a dot, to build a property's full name. */
	public static final String PREFIX = ROOT + ".";

	/** The properties of {@code WalletFanOut}, followed by a dot. */
	public static final String FAN_OUT = PREFIX + "fan-out.";

	/** Where the {@code @WalletProject} advisor sits among other advisors. */
	public static final String ROUTING_ASPECT_ORDER = PREFIX + "routing.aspect-order";

	/** Its default: just inside the lowest precedence, so that other advisors can wrap it or sit inside it. */
	public static final int ROUTING_ASPECT_ORDER_DEFAULT = Integer.MAX_VALUE - 100;

	/** The HTTP service groups that talk to the Wallet API. */
	public static final String ROUTING_HTTP_SERVICE_GROUPS = PREFIX + "routing.http-service-groups";

	private PropertyKeys() {
	}

}
