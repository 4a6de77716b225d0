package io.github.walletproject.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ServerSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server on a loopback {@link ServerSocket}, written for fault tests: it records
 * every request that reaches it (with the connection it came on and the MAC nonce it
 * carries) and answers each one as a {@link Script} says: an answer on a kept-alive
 * connection, an answer after a delay, or a close right after reading the request.
 */
public final class WireServer implements AutoCloseable {

	private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

	private final ServerSocket server;

	private final Script script;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile boolean closed;

	private WireServer(ServerSocket server, Script script) {
		this.server = server;
		this.script = script;
		start("wire-server-accept", this::acceptLoop);
	}

	/**
	 * Start a plain HTTP server on a free loopback port.
	 * @param script what to do with each request
	 * @return the running server
	 */
	public static WireServer start(Script script) {
		return start(ServerSocketFactory.getDefault(), script);
	}

	/**
	 * Start a server whose sockets come from a factory (for example a TLS one).
	 * @param sockets the server socket factory
	 * @param script what to do with each request
	 * @return the running server
	 */
	public static WireServer start(ServerSocketFactory sockets, Script script) {
		try {
			return new WireServer(sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open a loopback server socket", ex);
		}
	}

	/**
	 * A loopback port nothing listens on (bound, then closed).
	 * @return the port
	 */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A loopback listener that accepts nothing and whose accept queue is full, so that a
	 * further connection attempt waits until the client's connect timeout.
	 * @return the listener; close it to release the port
	 */
	public static FullListener fullListener() {
		try {
			ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			List<Socket> queued = new ArrayList<>();
			SocketAddress address = listener.getLocalSocketAddress();
			for (int i = 0; i < 8; i++) {
				Socket socket = new Socket();
				try {
					socket.connect(address, 200);
					queued.add(socket);
				}
				catch (IOException full) {
					socket.close();
					return new FullListener(listener, queued);
				}
			}
			throw new IllegalStateException("The accept queue of a listener with backlog 1 did not fill up");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The Wallet REST base on this server.
	 * @return {@code http://127.0.0.1:port/rest/v1/}
	 */
	public String baseUrl() {
		return baseUrl("http");
	}

	/**
	 * The Wallet REST base on this server with the given scheme.
	 * @param scheme {@code http} or {@code https}
	 * @return the base URL
	 */
	public String baseUrl(String scheme) {
		return scheme + "://" + ((InetSocketAddress) this.server.getLocalSocketAddress()).getAddress().getHostAddress()
				+ ":" + this.server.getLocalPort() + "/rest/v1/";
	}

	/**
	 * Every request that reached the server, in the order they were read.
	 * @return the requests
	 */
	public List<Received> requests() {
		return List.copyOf(this.received);
	}

	/**
	 * Requests to one path (below {@code /rest/v1/}).
	 * @param path the path, e.g. {@code transaction}
	 * @return those requests
	 */
	public List<Received> requests(String path) {
		return this.received.stream().filter(r -> r.target().equals("/rest/v1/" + path)).toList();
	}

	/**
	 * Stop accepting connections: from now on, connecting is refused. Open connections stay.
	 */
	public void stopListening() {
		this.closed = true;
		closeQuietly(this.server);
	}

	@Override
	public void close() {
		stopListening();
		this.sockets.forEach(WireServer::closeQuietly);
		for (Thread thread : this.threads) {
			thread.interrupt();
		}
		for (Thread thread : this.threads) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.server.accept();
				if (this.closed) {
					// accepted while the listener was closing (a close does not stop an accept in flight)
					closeQuietly(socket);
					return;
				}
				this.sockets.add(socket);
				int connection = this.connections.incrementAndGet();
				start("wire-server-" + connection, () -> serve(socket, connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int connection) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			for (int index = 1;; index++) {
				Received request = read(in, connection, index);
				if (request == null) {
					return;
				}
				this.received.add(request);
				Reply reply = this.script.reply(request);
				if (reply.delay() != null) {
					Thread.sleep(reply.delay().toMillis());
				}
				if (reply.body() == null) {
					return; // close without a byte of answer
				}
				byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
				String head = "HTTP/1.1 " + reply.status() + " Status\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length + "\r\n\r\n";
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away, or the server is closing
		}
	}

	/**
	 * Read the request line and the headers of one HTTP/1.1 request.
	 * @param in the connection's input
	 * @return the request line and the headers (names in lower case), or {@code null} at the end
	 * of the stream
	 * @throws IOException when reading fails
	 */
	static @Nullable Head head(InputStream in) throws IOException {
		String requestLine = line(in);
		if (requestLine == null) {
			return null;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
		}
		return new Head(requestLine, headers);
	}

	private static @Nullable Received read(InputStream in, int connection, int index) throws IOException {
		Head head = head(in);
		if (head == null) {
			return null;
		}
		String requestLine = head.requestLine();
		Map<String, String> headers = head.headers();
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = chunked(in);
		}
		else {
			body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
		}
		String[] parts = requestLine.split(" ");
		String authorization = headers.get("authorization");
		String nonce = null;
		if (authorization != null) {
			Matcher matcher = NONCE.matcher(authorization);
			nonce = matcher.find() ? matcher.group(1) : null;
		}
		return new Received(connection, index, parts[0], parts[1], nonce, headers.get("user-agent"),
				new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String size = line(in); size != null; size = line(in)) {
			int length = Integer.parseInt(size.split(";")[0].trim(), 16);
			if (length == 0) {
				for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
					// trailers are not used
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			line(in);
		}
		throw new EOFException("chunked body ended early");
	}

	private static @Nullable String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return null;
	}

	private void start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

	/**
	 * The request line and headers of a request.
	 *
	 * @param requestLine e.g. {@code GET /rest/v1/server HTTP/1.1}
	 * @param headers the headers, names in lower case
	 */
	record Head(String requestLine, Map<String, String> headers) {
	}

	/**
	 * A listener nobody answers: connecting to it times out.
	 */
	public static final class FullListener implements AutoCloseable {

		private final ServerSocket listener;

		private final List<Socket> queued;

		private FullListener(ServerSocket listener, List<Socket> queued) {
			this.listener = listener;
			this.queued = queued;
		}

		/**
		 * Its port.
		 * @return the port
		 */
		public int port() {
			return this.listener.getLocalPort();
		}

		@Override
		public void close() {
			this.queued.forEach(WireServer::closeQuietly);
			closeQuietly(this.listener);
		}

	}

	/**
	 * Decides the answer to each request.
	 */
	@FunctionalInterface
	public interface Script {

		/**
		 * The answer to one request.
		 * @param request the request just read
		 * @return what to do
		 */
		Reply reply(Received request);

	}

	/**
	 * One request as it reached the server.
	 *
	 * @param connection the connection it came on, from 1 in accept order
	 * @param indexOnConnection its place on that connection, from 1
	 * @param method the method
	 * @param target the request target, e.g. {@code /rest/v1/transaction}
	 * @param nonce the MAC {@code nonce} of its {@code Authorization} header, or {@code null}
	 * @param userAgent its {@code User-Agent} header (names the HTTP client when the starter
	 * sets none), or {@code null}
	 * @param body the body as text
	 */
	public record Received(int connection, int indexOnConnection, String method, String target,
			@Nullable String nonce, @Nullable String userAgent, String body) {
	}

	/**
	 * What the server does with a request.
	 *
	 * @param status the status to answer
	 * @param body the JSON body, or {@code null} to close the connection without answering
	 * @param delay how long to wait before answering (or closing), or {@code null}
	 */
	public record Reply(int status, @Nullable String body, @Nullable Duration delay) {

		/**
		 * Answer 200 with a JSON body and keep the connection open.
		 * @param json the body
		 * @return the reply
		 */
		public static Reply ok(String json) {
			return new Reply(200, json, null);
		}

		/**
		 * Close the connection right after reading the request, without a byte of answer.
		 * @return the reply
		 */
		public static Reply drop() {
			return new Reply(0, null, null);
		}

		/**
		 * The same reply, after a delay.
		 * @param delay the delay
		 * @return the delayed reply
		 */
		public Reply after(Duration delay) {
			return new Reply(this.status, this.body, delay);
		}

	}

}
