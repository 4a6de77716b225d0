package io.github.walletproject.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Paysera's side of callbacks, in {@link MockWalletApi}: an RSA key pair of its own, whose
 * public half the mock serves as PEM at {@code /publickey} (at the root, outside the REST
 * base, as Paysera does); events signed like Paysera's (RSA PKCS#1 v1.5 with SHA-256 over the
 * exact bytes of {@code event}) and posted as the form fields {@code event} and {@code sign}.
 * <p>
 * When a transaction created with a {@code callback_uri} on a loopback host changes state in
 * the mock's ledger (the payer accepts it, the app confirms or revokes it), a
 * {@code transaction} callback of that type is delivered to it, in the background and in order; {@link #deliveries()} tells
 * what was sent and what the app answered. {@link #deliver(String, String, String, String)}
 * sends one on demand.
 */
public final class MockCallbacks implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "mock-wallet-api-callbacks");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private volatile KeyPair keys = newKeyPair();

	MockCallbacks() {
	}

	/**
	 * The public key the mock serves at {@code /publickey}.
	 * @return PEM text ({@code PUBLIC KEY})
	 */
	public String publicKeyPem() {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(this.keys.getPublic().getEncoded());
		return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
	}

	/**
	 * Rotate the key pair, as Paysera may: callbacks are signed, and {@code /publickey}
	 * served, with a new key from now on.
	 * @return this
	 */
	public MockCallbacks rotateKey() {
		this.keys = newKeyPair();
		return this;
	}

	/**
	 * Sign an event as Paysera does.
	 * @param event the exact {@code event} text
	 * @return the Base64 signature, the {@code sign} field
	 */
	public String sign(String event) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.keys.getPrivate());
			signature.update(event.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The {@code event} text of a callback.
	 * @param object {@code transaction}, {@code payment} or {@code allowance}
	 * @param type the type, such as {@code reserved}
	 * @param dataJson the object as JSON
	 * @return the event's JSON text
	 */
	public static String event(String object, String type, String dataJson) {
		return "{\"type\":" + Json.string(type) + ",\"object\":" + Json.string(object) + ",\"data\":" + dataJson + "}";
	}

	/**
	 * The form body of a correctly signed callback.
	 * @param event the event's JSON text
	 * @return {@code event=…&sign=…}, URL-encoded
	 */
	public String form(String event) {
		return "event=" + URLEncoder.encode(event, StandardCharsets.UTF_8) + "&sign="
				+ URLEncoder.encode(sign(event), StandardCharsets.UTF_8);
	}

	/**
	 * Sign and post a callback now, and wait for the answer.
	 * @param callbackUri where to post it
	 * @param object the object kind
	 * @param type the type
	 * @param dataJson the object as JSON
	 * @return the delivery, with the status the app answered
	 */
	public Delivery deliver(String callbackUri, String object, String type, String dataJson) {
		return deliver(callbackUri, event(object, type, dataJson));
	}

	/**
	 * Sign and post an event now, and wait for the answer.
	 * @param callbackUri where to post it
	 * @param event the event's JSON text
	 * @return the delivery, with the status the app answered ({@code 0} when it could not be sent)
	 */
	public Delivery deliver(String callbackUri, String event) {
		return post(callbackUri, event, form(event));
	}

	/**
	 * Post a form body as it is (for tests of what a broken or forged callback gets).
	 * @param callbackUri where to post it
	 * @param formBody the URL-encoded form body
	 * @return the status the app answered ({@code 0} when it could not be sent)
	 */
	public int postForm(String callbackUri, String formBody) {
		return post(callbackUri, null, formBody).status();
	}

	/**
	 * The callbacks delivered so far (in the background and on demand), oldest first.
	 * @return the deliveries
	 */
	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/**
	 * Wait for a delivery.
	 * @param matcher which one
	 * @param timeout how long to wait
	 * @return the first matching delivery
	 * @throws AssertionError when none came in time
	 */
	public Delivery awaitDelivery(Predicate<Delivery> matcher, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			for (Delivery delivery : this.deliveries) {
				if (matcher.test(delivery)) {
					return delivery;
				}
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No matching callback was delivered within " + timeout + "; delivered: "
				+ this.deliveries);
	}

	/** Forget the deliveries. */
	public void clear() {
		this.deliveries.clear();
	}

	void transactionChanged(String status, String transactionJson, Object callbackUri) {
		if (callbackUri instanceof String uri && isLoopback(uri)) {
			String event = event("transaction", status, transactionJson);
			this.sender.execute(() -> deliver(uri, event));
		}
	}

	/** Only the test's own app is called back: a callback_uri elsewhere (an example host) is left alone. */
	private static boolean isLoopback(String uri) {
		try {
			String host = URI.create(uri).getHost();
			return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Delivery post(String uri, String event, String form) {
		int status;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			status = 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = 0;
		}
		Delivery delivery = new Delivery(uri, event, status);
		this.deliveries.add(delivery);
		return delivery;
	}

	@Override
	public void close() {
		this.sender.shutdownNow();
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One callback posted to the app.
	 * @param uri where it went
	 * @param event the event's JSON text, or {@code null} for a raw form
	 * @param status what the app answered, {@code 0} when it could not be reached
	 */
	public record Delivery(String uri, String event, int status) {

		/**
		 * Whether it is about an object of a type.
		 * @param object the object kind
		 * @param type the type
		 * @return whether the event names both
		 */
		public boolean isAbout(String object, String type) {
			return this.event != null && this.event.startsWith("{\"type\":" + Json.string(type) + ",\"object\":"
					+ Json.string(object) + ",");
		}

	}

}
