package io.github.walletproject.support;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The HTTP clients a Boot application can end up with, each as a context runner setting:
 * {@code spring.http.clients.imperative.factory}, and for the JDK {@code HttpClient} and
 * {@code HttpURLConnection} the classpath of an application that has no other client (the
 * starter puts any other client it finds in their place). The test classpath has all of them.
 */
public enum HttpClientChoice {

	/** Apache HttpClient 5. */
	HTTP_COMPONENTS("http-components", false, "Apache-HttpClient/"),

	/** Jetty's HttpClient. */
	JETTY("jetty", false, "Jetty/"),

	/** Reactor Netty's HttpClient. */
	REACTOR("reactor", false, "ReactorNetty/"),

	/** The JDK HttpClient, alone on the classpath. */
	JDK_ALONE("jdk", true, "Java-http-client/"),

	/** HttpURLConnection, with no other client on the classpath. */
	SIMPLE_ALONE("simple", true, "Java/");

	/** The packages of the clients other than the JDK's. */
	public static final String[] OTHER_CLIENTS = { "org.apache.hc.client5", "org.eclipse.jetty.client",
			"reactor.netty.http" };

	private final String factory;

	private final boolean alone;

	private final String userAgent;

	HttpClientChoice(String factory, boolean alone, String userAgent) {
		this.factory = factory;
		this.alone = alone;
		this.userAgent = userAgent;
	}

	/**
	 * The value of {@code spring.http.clients.imperative.factory}.
	 * @return the value
	 */
	public String factory() {
		return this.factory;
	}

	/**
	 * How the client names itself in {@code User-Agent} (the starter sends none unless
	 * {@code paysera.wallet.user-agent} is set).
	 * @return the start of its {@code User-Agent}
	 */
	public String userAgent() {
		return this.userAgent;
	}

	/**
	 * Apply the choice to a runner.
	 * @param runner the runner
	 * @return a runner with this client
	 */
	public ApplicationContextRunner apply(ApplicationContextRunner runner) {
		ApplicationContextRunner chosen = runner.withPropertyValues("spring.http.clients.imperative.factory=" + this.factory);
		return this.alone ? chosen.withClassLoader(new FilteredClassLoader(OTHER_CLIENTS)) : chosen;
	}

}
