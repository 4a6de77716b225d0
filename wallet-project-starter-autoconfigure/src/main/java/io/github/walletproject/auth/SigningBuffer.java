package io.github.walletproject.auth;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The working memory of one signature: the bytes of the signed string and of the header
 * written one after the other, the SHA-256 digest of the body and the fixed-size arrays its
 * hash and the MAC are Base64-encoded into. {@link MacSigner} borrows one per signature from
 * a pool and writes the protocol into it; nothing here knows the protocol.
 * <p>
 * Only the bytes written since the last {@link #reset()} are ever read, so what an earlier,
 * longer request left behind cannot reach a later signature. Not thread-safe: one signature
 * at a time.
 */
final class SigningBuffer {

	/** A buffer that grew beyond this (a very long URI) is not pooled again. */
	static final int KEEP_AT_MOST = 8192;

	private static final Base64.Encoder BASE64 = Base64.getEncoder();

	private byte[] bytes;

	private int length;

	/** Raw 32-byte digests (body hash, MAC). */
	private final byte[] digest = new byte[32];

	/** Base64 of a 32-byte digest: 44 characters. */
	private final byte[] base64 = new byte[44];

	/** Made on the first body hash: a buffer that only encodes text needs none. */
	private MessageDigest sha256;

	/** Appends {@code &name=value} (no {@code &} first) for each parameter with a value. */
	final BiConsumer<String, String> parameters = this::parameter;

	private int parametersStart;

	/**
	 * Create a buffer.
	 * @param capacity the bytes it holds before it grows
	 */
	SigningBuffer(int capacity) {
		this.bytes = new byte[capacity];
	}

	/** Forget what was written. */
	SigningBuffer reset() {
		this.length = 0;
		return this;
	}

	int length() {
		return this.length;
	}

	/** The array written into; valid up to {@link #length()}. */
	byte[] array() {
		return this.bytes;
	}

	/**
	 * Whether this buffer is small enough to be pooled again.
	 * @return {@code false} after it grew for an unusually long request
	 */
	boolean reusable() {
		return this.bytes.length <= KEEP_AT_MOST;
	}

	SigningBuffer ascii(char c) {
		ensure(1);
		this.bytes[this.length++] = (byte) c;
		return this;
	}

	/**
	 * Append the UTF-8 bytes of {@code text}.
	 * @param text the text
	 * @return this buffer
	 */
	SigningBuffer text(String text) {
		int count = text.length();
		ensure(count);
		byte[] to = this.bytes;
		int at = this.length;
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				// rare: the rest as UTF-8
				this.length = at;
				return bytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
			}
			to[at++] = (byte) c;
		}
		this.length = at;
		return this;
	}

	/**
	 * Append the UTF-8 bytes of {@code text} with ASCII letters mapped to upper or lower case
	 * on the way: what {@code text.toUpperCase(Locale.ROOT)} or
	 * {@code text.toLowerCase(Locale.ROOT)} and {@link #text(String)} write, without the
	 * intermediate string for ASCII text.
	 * @param text the text
	 * @param upper {@code true} for upper case, {@code false} for lower case
	 * @return this buffer
	 */
	SigningBuffer text(String text, boolean upper) {
		int count = text.length();
		ensure(count);
		byte[] to = this.bytes;
		int at = this.length;
		char from = upper ? 'a' : 'A';
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				// rare: the JDK's case mapping, which knows more than ASCII
				return text(upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT));
			}
			to[at++] = (byte) ((c - from < 26 && c >= from) ? c ^ 0x20 : c);
		}
		this.length = at;
		return this;
	}

	/**
	 * Append the decimal digits of a number, as {@link Long#toString(long)} writes them.
	 * @param value the number
	 * @return this buffer
	 */
	SigningBuffer digits(long value) {
		if (value < 0 || value > Integer.MAX_VALUE) {
			return text(Long.toString(value));
		}
		int rest = (int) value;
		int count = 1;
		for (int bound = 10; count < 10 && rest >= bound; bound *= 10) {
			count++;
		}
		ensure(count);
		int end = this.length + count;
		for (int i = end - 1; i >= this.length; i--) {
			this.bytes[i] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		this.length = end;
		return this;
	}

	/**
	 * Make room for {@code more} bytes after {@link #length()}, to be written straight into
	 * {@link #array()} and then kept with {@link #length(int)}.
	 * @param more the bytes about to be written
	 * @return the array to write into
	 */
	byte[] reserve(int more) {
		ensure(more);
		return this.bytes;
	}

	/**
	 * Keep what was written into the {@linkplain #reserve(int) reserved} room up to a position.
	 * @param length the new length, at most what was reserved
	 */
	void length(int length) {
		this.length = length;
	}

	SigningBuffer bytes(byte[] source) {
		return bytes(source, 0, source.length);
	}

	SigningBuffer bytes(byte[] source, int from, int count) {
		ensure(count);
		System.arraycopy(source, from, this.bytes, this.length, count);
		this.length += count;
		return this;
	}

	/**
	 * Append again what this buffer holds between two positions.
	 * @param from the first position
	 * @param to the position after the last
	 * @return this buffer
	 */
	SigningBuffer copy(int from, int to) {
		ensure(to - from);
		System.arraycopy(this.bytes, from, this.bytes, this.length, to - from);
		this.length += to - from;
		return this;
	}

	/**
	 * SHA-256 of {@code body}, Base64-encoded into {@link #base64()}.
	 * @param body the body bytes
	 */
	void hashBase64(byte[] body) {
		if (this.sha256 == null) {
			this.sha256 = newSha256();
		}
		this.sha256.update(body);
		try {
			this.sha256.digest(this.digest, 0, this.digest.length);
		}
		catch (DigestException ex) {
			throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", ex);
		}
		BASE64.encode(this.digest, this.base64);
	}

	/** The array a 32-byte digest is written to before {@link #encodeDigest()}. */
	byte[] digest() {
		return this.digest;
	}

	/** Base64-encode {@link #digest()} into {@link #base64()}. */
	void encodeDigest() {
		BASE64.encode(this.digest, this.base64);
	}

	/** The 44 Base64 characters of the last digest. */
	byte[] base64() {
		return this.base64;
	}

	/**
	 * Decode the bytes between two positions as UTF-8.
	 * @param from the first position
	 * @param to the position after the last
	 * @return the text
	 */
	String toString(int from, int to) {
		return new String(this.bytes, from, to - from, StandardCharsets.UTF_8);
	}

	/**
	 * Mark where a list of parameters starts: {@link #parameters} writes a {@code &} before
	 * a parameter only when something was written since.
	 */
	void startParameters() {
		this.parametersStart = this.length;
	}

	/** Continue a parameter list: {@code &} unless it is empty so far. */
	void separateParameter() {
		if (this.length > this.parametersStart) {
			ascii('&');
		}
	}

	private void parameter(String name, String value) {
		if (value != null) {
			separateParameter();
			ExtEncoding.encodeInto(this, name);
			ascii('=');
			ExtEncoding.encodeInto(this, value);
		}
	}

	private void ensure(int more) {
		int needed = this.length + more;
		if (needed > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, 2 * this.bytes.length));
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "SigningBuffer[" + this.length + " bytes]";
	}

}
