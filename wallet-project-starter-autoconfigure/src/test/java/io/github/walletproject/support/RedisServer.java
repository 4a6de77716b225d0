package io.github.walletproject.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} (Debian's package found on the {@code PATH}, or the binary
 * named by {@code REDIS_SERVER}) started as a child process on a free loopback port, without
 * persistence, and stopped by {@link #close()}. It can be stopped and started again on the
 * same port to play an outage. A few commands ({@code PING}, {@code KEYS}, {@code FLUSHALL})
 * are spoken directly in RESP, so tests read Redis without going through the code under test.
 * <p>
 * Where the binary is missing, {@link #startIfInstalled()} fails with the command that
 * installs it when the environment variable {@code CI} is set (so CI never skips these tests
 * silently), and otherwise returns {@code null}: tests then skip with {@link #whyMissing()}.
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final File binary;

	private final int port;

	private final Path log;

	private @Nullable Process process;

	private RedisServer(File binary, int port, Path log) {
		this.binary = binary;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start a server on a free loopback port and wait until it answers {@code PING}.
	 * @return the running server, or {@code null} when {@code redis-server} is not installed
	 * and {@code CI} is not set
	 * @throws IllegalStateException when it is not installed and {@code CI} is set, or does not start
	 */
	public static @Nullable RedisServer startIfInstalled() {
		File binary = binary();
		if (binary == null) {
			String ci = System.getenv("CI");
			if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
				throw new IllegalStateException(whyMissing() + " CI is set, so this is a failure, not a skip.");
			}
			System.err.println("[RedisServer] " + whyMissing() + " Skipping (set CI=true to make this a failure).");
			return null;
		}
		IOException last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			RedisServer server = null;
			try {
				server = new RedisServer(binary, freePort(), Files.createTempFile("redis-server-", ".log"));
				server.launch();
				return server;
			}
			catch (IOException ex) {
				// the free port may have been taken between probing and binding: try another
				last = ex;
				if (server != null) {
					server.close();
				}
			}
		}
		throw new IllegalStateException("Could not start " + binary, last);
	}

	/**
	 * The port the server listens on, on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Whether the server process is running.
	 * @return {@code true} between a start and a stop
	 */
	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Stop the server (an outage); {@link #restart()} brings it back on the same port, empty.
	 */
	public void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		this.process = null;
	}

	/**
	 * Start the server again on the same port after {@link #stop()}.
	 */
	public void restart() {
		try {
			launch();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not restart redis-server on port " + this.port + ": " + ex.getMessage()
					+ "\n" + logText(), ex);
		}
	}

	/**
	 * Every key, as {@code KEYS *} lists them.
	 * @return the keys
	 */
	public List<String> keys() {
		Object reply = command("KEYS", "*");
		List<String> keys = new ArrayList<>();
		for (Object key : (List<?>) reply) {
			keys.add((String) key);
		}
		return keys;
	}

	/**
	 * The raw value stored under a key ({@code GET}), or {@code null}.
	 * @param key the key
	 * @return the value's bytes as ISO-8859-1 text, or {@code null} when absent
	 */
	public String get(String key) {
		return (String) command("GET", key);
	}

	/**
	 * Remove every key.
	 */
	public void flushAll() {
		command("FLUSHALL");
	}

	/**
	 * Send one command and read its reply.
	 * @param arguments the command and its arguments
	 * @return a {@code String} (simple or bulk string, bytes as ISO-8859-1), a {@code Long}, a
	 * {@code List} or {@code null}
	 * @throws IllegalStateException when the server answers with an error or cannot be reached
	 */
	public Object command(String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (String argument : arguments) {
				byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
				request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
				request.writeBytes(bytes);
				request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write(request.toByteArray());
			out.flush();
			return reply(new BufferedInputStream(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("redis-server on port " + this.port + " did not answer "
					+ arguments[0] + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		stop();
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// a temporary file; nothing to do
		}
	}

	@Override
	public String toString() {
		return "redis-server on 127.0.0.1:" + this.port;
	}

	private void launch() throws IOException {
		ProcessBuilder builder = new ProcessBuilder(this.binary.getPath(), "--port", String.valueOf(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		this.process = builder.start();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				this.process = null;
				throw new IOException("redis-server exited at startup:\n" + logText());
			}
			try {
				if ("PONG".equals(command("PING"))) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			sleep(20);
		}
		stop();
		throw new IOException("redis-server did not answer PING within " + STARTUP + ":\n" + logText());
	}

	private String logText() {
		try {
			return Files.readString(this.log, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Why the Redis tests cannot run here, and how to fix it.
	 * @return the message
	 */
	public static String whyMissing() {
		String configured = configured();
		return ((configured != null) ? configured + " (REDIS_SERVER) is not executable" : "redis-server is not on the PATH")
				+ ", so the Redis tests cannot run. Install it with 'apt-get install -y redis-server' (.ci/run does), "
				+ "or point REDIS_SERVER at a redis-server binary.";
	}

	private static @Nullable File binary() {
		String configured = configured();
		File binary = (configured != null) ? new File(configured) : onPath("redis-server");
		return (binary != null && binary.isFile() && binary.canExecute()) ? binary : null;
	}

	private static @Nullable String configured() {
		String configured = System.getenv("REDIS_SERVER");
		return (configured != null && !configured.isBlank()) ? configured : null;
	}

	private static @Nullable File onPath(String name) {
		String path = System.getenv("PATH");
		List<String> directories = new ArrayList<>(List.of((path != null) ? path.split(File.pathSeparator) : new String[0]));
		directories.add("/usr/bin");
		directories.add("/usr/sbin");
		for (String directory : directories) {
			File candidate = new File(directory, name);
			if (!directory.isEmpty() && candidate.canExecute()) {
				return candidate;
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static Object reply(InputStream in) throws IOException {
		int type = in.read();
		String line = line(in);
		switch (type) {
			case '+':
				return line;
			case '-':
				throw new IllegalStateException("redis-server answered " + line);
			case ':':
				return Long.parseLong(line);
			case '$': {
				int length = Integer.parseInt(line);
				if (length < 0) {
					return null;
				}
				byte[] bytes = in.readNBytes(length + 2);
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			case '*': {
				int count = Integer.parseInt(line);
				if (count < 0) {
					return null;
				}
				List<Object> items = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					items.add(reply(in));
				}
				return items;
			}
			default:
				throw new IOException("unexpected reply type " + type + " from redis-server");
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int previous = -1;
		int current;
		while ((current = in.read()) != -1) {
			if (previous == '\r' && current == '\n') {
				byte[] all = bytes.toByteArray();
				return new String(all, 0, all.length - 1, StandardCharsets.ISO_8859_1);
			}
			bytes.write(current);
			previous = current;
		}
		throw new IOException("redis-server closed the connection");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
		}
	}

}
