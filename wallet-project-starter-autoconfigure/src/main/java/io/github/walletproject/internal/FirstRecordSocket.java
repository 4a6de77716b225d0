package io.github.walletproject.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The TCP socket under a client TLS socket, which tells a request that never left the client
 * from one that may have reached the server, after a TLS 1.3 handshake with a client
 * certificate.
 * <p>
 * Under TLS 1.3 the client's handshake is over once it has sent its certificate and
 * {@code Finished}: it writes the request at once, before it has read whether the server took
 * the certificate. A server that refuses it sends an alert and closes; the client's first
 * write then fails with a broken pipe or a reset, although the alert already waits in the
 * receive buffer, and JSSE, which closes the connection on that failure, never reads it.
 * <p>
 * The same happens under TLS 1.2 when the server refuses the certificate while the client
 * is still writing its last handshake messages.
 * <p>
 * So when a write fails during the handshake or at the first write after it (JSSE writes a
 * record at a time, so the request's first record did not leave whole and the server cannot
 * have decrypted a byte of the request), this socket keeps the failure to itself, drops whatever else is written, and
 * lets the client go on to read: JSSE then reads the server's alert ({@code
 * SSLHandshakeException: Received fatal alert: bad_certificate}), or, when none came, the
 * read fails with {@link RequestNotWrittenException}. Either way the request counts as not
 * sent. Failures after the first record of the first request pass unchanged.
 * <p>
 * Everything else is delegated to the connected socket. Internal API: not for use outside
 * this library.
 */
public final class FirstRecordSocket extends Socket {

	private final Socket socket;

	private final Guard guard = new Guard();

	/**
	 * Wrap a connected socket.
	 * @param socket the connected TCP socket
	 * @throws SocketException never, in practice (declared by {@link Socket})
	 */
	public FirstRecordSocket(Socket socket) throws SocketException {
		super((SocketImpl) null);
		this.socket = socket;
	}

	/**
	 * Mark the TLS handshake as complete: the next write is the request's first record.
	 */
	public void handshakeComplete() {
		this.guard.handshakeComplete = true;
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return new GuardedInput(this.socket.getInputStream(), this.guard);
	}

	@Override
	public OutputStream getOutputStream() throws IOException {
		return new GuardedOutput(this.socket.getOutputStream(), this.guard);
	}

	@Override
	public void connect(SocketAddress endpoint) throws IOException {
		this.socket.connect(endpoint);
	}

	@Override
	public void connect(SocketAddress endpoint, int timeout) throws IOException {
		this.socket.connect(endpoint, timeout);
	}

	@Override
	public void bind(@Nullable SocketAddress bindpoint) throws IOException {
		this.socket.bind(bindpoint);
	}

	@Override
	public @Nullable InetAddress getInetAddress() {
		return this.socket.getInetAddress();
	}

	@Override
	public InetAddress getLocalAddress() {
		return this.socket.getLocalAddress();
	}

	@Override
	public int getPort() {
		return this.socket.getPort();
	}

	@Override
	public int getLocalPort() {
		return this.socket.getLocalPort();
	}

	@Override
	public @Nullable SocketAddress getRemoteSocketAddress() {
		return this.socket.getRemoteSocketAddress();
	}

	@Override
	public @Nullable SocketAddress getLocalSocketAddress() {
		return this.socket.getLocalSocketAddress();
	}

	@Override
	public @Nullable SocketChannel getChannel() {
		return null;
	}

	@Override
	public void setTcpNoDelay(boolean on) throws SocketException {
		this.socket.setTcpNoDelay(on);
	}

	@Override
	public boolean getTcpNoDelay() throws SocketException {
		return this.socket.getTcpNoDelay();
	}

	@Override
	public void setSoLinger(boolean on, int linger) throws SocketException {
		this.socket.setSoLinger(on, linger);
	}

	@Override
	public int getSoLinger() throws SocketException {
		return this.socket.getSoLinger();
	}

	@Override
	public void sendUrgentData(int data) throws IOException {
		this.socket.sendUrgentData(data);
	}

	@Override
	public void setOOBInline(boolean on) throws SocketException {
		this.socket.setOOBInline(on);
	}

	@Override
	public boolean getOOBInline() throws SocketException {
		return this.socket.getOOBInline();
	}

	@Override
	public void setSoTimeout(int timeout) throws SocketException {
		this.socket.setSoTimeout(timeout);
	}

	@Override
	public int getSoTimeout() throws SocketException {
		return this.socket.getSoTimeout();
	}

	@Override
	public void setSendBufferSize(int size) throws SocketException {
		this.socket.setSendBufferSize(size);
	}

	@Override
	public int getSendBufferSize() throws SocketException {
		return this.socket.getSendBufferSize();
	}

	@Override
	public void setReceiveBufferSize(int size) throws SocketException {
		this.socket.setReceiveBufferSize(size);
	}

	@Override
	public int getReceiveBufferSize() throws SocketException {
		return this.socket.getReceiveBufferSize();
	}

	@Override
	public void setKeepAlive(boolean on) throws SocketException {
		this.socket.setKeepAlive(on);
	}

	@Override
	public boolean getKeepAlive() throws SocketException {
		return this.socket.getKeepAlive();
	}

	@Override
	public void setTrafficClass(int tc) throws SocketException {
		this.socket.setTrafficClass(tc);
	}

	@Override
	public int getTrafficClass() throws SocketException {
		return this.socket.getTrafficClass();
	}

	@Override
	public void setReuseAddress(boolean on) throws SocketException {
		this.socket.setReuseAddress(on);
	}

	@Override
	public boolean getReuseAddress() throws SocketException {
		return this.socket.getReuseAddress();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	@Override
	public void shutdownInput() throws IOException {
		this.socket.shutdownInput();
	}

	@Override
	public void shutdownOutput() throws IOException {
		this.socket.shutdownOutput();
	}

	@Override
	public boolean isConnected() {
		return this.socket.isConnected();
	}

	@Override
	public boolean isBound() {
		return this.socket.isBound();
	}

	@Override
	public boolean isClosed() {
		return this.socket.isClosed();
	}

	@Override
	public boolean isInputShutdown() {
		return this.socket.isInputShutdown();
	}

	@Override
	public boolean isOutputShutdown() {
		return this.socket.isOutputShutdown();
	}

	@Override
	public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
		this.socket.setPerformancePreferences(connectionTime, latency, bandwidth);
	}

	@Override
	public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
		this.socket.setOption(name, value);
		return this;
	}

	@Override
	public <T> T getOption(SocketOption<T> name) throws IOException {
		return this.socket.getOption(name);
	}

	@Override
	public Set<SocketOption<?>> supportedOptions() {
		return this.socket.supportedOptions();
	}

	@Override
	public String toString() {
		return this.socket.toString();
	}

	/**
	 * Where the connection stands.
	 */
	private static final class Guard {

		volatile boolean handshakeComplete;

		/** Whether a write after the handshake went through: from then on, failures pass unchanged. */
		volatile boolean wroteRequest;

		/** The failure of a write during the handshake or of the first one after it, kept back. */
		volatile @Nullable IOException firstWriteFailure;

	}

	private static final class GuardedOutput extends OutputStream {

		private final OutputStream out;

		private final Guard guard;

		GuardedOutput(OutputStream out, Guard guard) {
			this.out = out;
			this.guard = guard;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			Guard guard = this.guard;
			if (guard.firstWriteFailure != null) {
				return; // the connection is gone; the read that follows reports why
			}
			if (guard.wroteRequest) {
				this.out.write(bytes, offset, length);
				return;
			}
			try {
				this.out.write(bytes, offset, length);
				guard.wroteRequest = guard.handshakeComplete;
			}
			catch (IOException ex) {
				guard.firstWriteFailure = ex;
			}
		}

		@Override
		public void flush() throws IOException {
			if (this.guard.firstWriteFailure == null) {
				this.out.flush();
			}
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

	private static final class GuardedInput extends InputStream {

		private final InputStream in;

		private final Guard guard;

		GuardedInput(InputStream in, Guard guard) {
			this.in = in;
			this.guard = guard;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read == -1) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			IOException kept = this.guard.firstWriteFailure;
			if (kept == null) {
				return this.in.read(bytes, offset, length);
			}
			int read;
			try {
				read = this.in.read(bytes, offset, length);
			}
			catch (IOException ex) {
				throw new RequestNotWrittenException(kept);
			}
			if (read == -1) {
				throw new RequestNotWrittenException(kept);
			}
			return read;
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	/**
	 * The connection failed before the first byte of the request left the client: the server
	 * cannot have read it.
	 */
	public static final class RequestNotWrittenException extends SocketException {

		private static final long serialVersionUID = 1L;

		RequestNotWrittenException(IOException cause) {
			super("The connection failed before the request was written (" + cause.getMessage() + ")");
			initCause(cause);
		}

	}

}
