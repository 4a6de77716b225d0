package io.github.walletproject.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * An HTTPS/1.1 server on a loopback port that requires a client certificate and records, from
 * its own side, every connection (the certificate it authenticated with, or the handshake
 * failure that ended it) and every request (the connection it came on and its
 * {@code Wallet-Api-Project-Id}). Answers are kept alive. What it does after it refused a
 * client certificate is a {@link Refusal}: wait for the client to close, or close at once.
 * <p>
 * TLS runs on a socket layered over the accepted one (without auto-close), so that the server
 * keeps the TCP connection in its own hands after JSSE has sent its alert.
 */
public final class MutualTlsServer implements AutoCloseable {

	private static final String PASSWORD = "changeit";

	private final ServerSocket server;

	private final SSLContext tls;

	private final String protocol;

	private final Refusal refusal;

	private final Function<String, String> answers;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile boolean closed;

	private MutualTlsServer(SSLContext tls, String protocol, Refusal refusal, Function<String, String> answers)
			throws IOException {
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.tls = tls;
		this.protocol = protocol;
		this.refusal = refusal;
		this.answers = answers;
		daemon("mtls-accept", this::acceptLoop);
	}

	/**
	 * Start a server whose key is {@code tls/client.p12} (CN=localhost) and that trusts the
	 * certificates of the given test key stores (their first entry each).
	 * @param protocol {@code TLSv1.3} or {@code TLSv1.2}
	 * @param refusal what to do after refusing a client certificate
	 * @param answers the JSON answer to each request target
	 * @param trusted the key stores under {@code tls/} whose certificates are trusted, e.g.
	 * {@code client.p12}
	 * @return the running server
	 */
	public static MutualTlsServer start(String protocol, Refusal refusal, Function<String, String> answers,
			String... trusted) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			for (String store : trusted) {
				KeyStore keys = load(store);
				trust.setCertificateEntry(store, keys.getCertificate(keys.aliases().nextElement()));
			}
			TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			return start(protocol, refusal, answers, trustManagers.getTrustManagers());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start a server whose key is {@code tls/client.p12} and whose trust managers decide.
	 * @param protocol {@code TLSv1.3} or {@code TLSv1.2}
	 * @param refusal what to do after refusing a client certificate
	 * @param answers the JSON answer to each request target
	 * @param trust the trust managers that check client certificates
	 * @return the running server
	 */
	public static MutualTlsServer start(String protocol, Refusal refusal, Function<String, String> answers,
			TrustManager[] trust) {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load("client.p12"), PASSWORD.toCharArray());
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(keys.getKeyManagers(), trust, null);
			return new MutualTlsServer(tls, protocol, refusal, answers);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(String store) throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = MutualTlsServer.class.getClassLoader().getResourceAsStream("tls/" + store)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		return keys;
	}

	/**
	 * The Wallet REST base on this server.
	 * @return {@code https://127.0.0.1:port/rest/v1/}
	 */
	public String baseUrl() {
		return "https://127.0.0.1:" + this.server.getLocalPort() + "/rest/v1/";
	}

	/**
	 * Every TCP connection the server accepted, in accept order, each once the server has
	 * recorded how its handshake ended (the client may read the server's alert before the
	 * server's thread records it; waits at most 5 seconds a connection).
	 * @return the connections
	 */
	public List<Connection> connections() {
		List<Connection> connections = List.copyOf(this.connections);
		for (Connection connection : connections) {
			try {
				connection.handshakeEnded.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return connections;
	}

	/**
	 * Every request read, in the order they were read.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.closed = true;
		WireServer.closeQuietly(this.server);
		this.sockets.forEach(WireServer::closeQuietly);
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.server.accept();
				this.sockets.add(socket);
				int id = this.ids.incrementAndGet();
				daemon("mtls-" + id, () -> serve(socket, id));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int id) {
		Connection connection = new Connection(id);
		this.connections.add(connection);
		try (socket) {
			SSLSocket tls = (SSLSocket) this.tls.getSocketFactory().createSocket(socket, null, false);
			tls.setEnabledProtocols(new String[] { this.protocol });
			tls.setNeedClientAuth(true);
			try {
				tls.startHandshake();
				// under TLS 1.3 JSSE checks the client's certificate when it reads the client's last flight
				Certificate[] chain = tls.getSession().getPeerCertificates();
				connection.certificate = ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
			}
			catch (SSLException refused) {
				connection.refusal = refused.getMessage();
				connection.handshakeEnded.countDown();
				this.refusal.after(socket);
				return;
			}
			finally {
				connection.handshakeEnded.countDown();
			}
			InputStream in = new BufferedInputStream(tls.getInputStream());
			OutputStream out = tls.getOutputStream();
			for (int index = 1;; index++) {
				Request request = read(in, connection, index);
				if (request == null) {
					return;
				}
				this.requests.add(request);
				byte[] body = this.answers.apply(request.target()).getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client went away, or the server is closing
		}
	}

	private static @Nullable Request read(InputStream in, Connection connection, int index) throws IOException {
		WireServer.Head head = WireServer.head(in);
		if (head == null) {
			return null;
		}
		Map<String, String> headers = head.headers();
		in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
		String[] parts = head.requestLine().split(" ");
		return new Request(connection.id, connection.certificate, index, parts[0], parts[1],
				headers.get("wallet-api-project-id"), headers.get("authorization"));
	}

	private void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * What the server does with the TCP connection once JSSE has sent the alert that refuses
	 * the client's certificate.
	 */
	public enum Refusal {

		/** Keep the connection open, reading (and dropping) whatever comes, until the client closes. */
		WAIT {
			@Override
			void after(Socket socket) throws IOException {
				socket.setSoTimeout(10_000);
				InputStream in = socket.getInputStream();
				while (in.read(new byte[4096]) != -1) {
					// what the client sent after its certificate was refused is never read as a request
				}
			}
		},

		/**
		 * Close the connection at once (TCP answers what the client sent or sends next with a
		 * reset).
		 */
		CLOSE {
			@Override
			void after(Socket socket) throws IOException {
				socket.close();
			}
		},

		/** Reset the connection at once (an abortive close: {@code SO_LINGER} 0). */
		RESET {
			@Override
			void after(Socket socket) throws IOException {
				socket.setSoLinger(true, 0);
				socket.close();
			}
		};

		abstract void after(Socket socket) throws IOException;

	}

	/**
	 * One TCP connection as the server saw it.
	 */
	public static final class Connection {

		private final int id;

		private volatile @Nullable String certificate;

		private volatile @Nullable String refusal;

		private final CountDownLatch handshakeEnded = new CountDownLatch(1);

		Connection(int id) {
			this.id = id;
		}

		/**
		 * Its number, from 1 in accept order.
		 * @return the number
		 */
		public int id() {
			return this.id;
		}

		/**
		 * The subject of the client certificate the handshake authenticated.
		 * @return the subject, e.g. {@code CN=market}, or {@code null} when the handshake failed
		 */
		public @Nullable String certificate() {
			return this.certificate;
		}

		/**
		 * Why the server ended the handshake.
		 * @return JSSE's message, or {@code null} when the handshake succeeded
		 */
		public @Nullable String refusal() {
			return this.refusal;
		}

		@Override
		public String toString() {
			return "Connection[" + this.id + ", " + this.certificate + ", " + this.refusal + "]";
		}

	}

	/**
	 * One request as the server read it.
	 *
	 * @param connection the connection it came on
	 * @param certificate the subject of that connection's client certificate
	 * @param indexOnConnection its place on that connection, from 1
	 * @param method the method
	 * @param target the request target
	 * @param projectId its {@code Wallet-Api-Project-Id}, or {@code null}
	 * @param authorization its {@code Authorization} header, or {@code null}
	 */
	public record Request(int connection, @Nullable String certificate, int indexOnConnection, String method,
			String target, @Nullable String projectId, @Nullable String authorization) {
	}

}
