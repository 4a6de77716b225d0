package io.github.walletproject.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body or query string, decoded by
 * one decoder for names and values alike: {@code +} is a space, {@code %XY} the byte it names,
 * every other byte itself. So {@code %65vent} is the field {@code event}, the value of a field
 * is the exact bytes the sender encoded (what Paysera signed), and names are compared only
 * once decoded in the form's charset.
 */
final class CallbackForm {

	private final List<Field> fields;

	private CallbackForm(List<Field> fields) {
		this.fields = fields;
	}

	/**
	 * Decode a form.
	 * @param raw the body, or the query string's bytes, as received
	 * @param charset the form's charset (of the names; values stay bytes)
	 * @return the fields, in order, duplicates kept
	 * @throws MalformedFormException when a {@code %} is not followed by two hex digits
	 */
	static CallbackForm parse(byte[] raw, Charset charset) {
		List<Field> fields = new ArrayList<>();
		int start = 0;
		while (start <= raw.length) {
			int end = indexOf(raw, (byte) '&', start, raw.length);
			if (end > start) {
				int equals = indexOf(raw, (byte) '=', start, end);
				byte[] name = decode(raw, start, equals);
				byte[] value = (equals < end) ? decode(raw, equals + 1, end) : new byte[0];
				fields.add(new Field(new String(name, charset), value));
			}
			start = end + 1;
		}
		return new CallbackForm(fields);
	}

	/**
	 * Every value of a field, in the order sent.
	 * @param name the decoded name
	 * @return its values, as decoded bytes
	 */
	List<byte[]> values(String name) {
		List<byte[]> values = new ArrayList<>(1);
		for (Field field : this.fields) {
			if (field.name().equals(name)) {
				values.add(field.value());
			}
		}
		return values;
	}

	private static int indexOf(byte[] raw, byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (raw[i] == wanted) {
				return i;
			}
		}
		return to;
	}

	private static byte[] decode(byte[] raw, int from, int to) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			byte b = raw[i];
			if (b == '+') {
				out.write(' ');
			}
			else if (b == '%') {
				int high = (i + 2 < to) ? Character.digit(raw[i + 1], 16) : -1;
				int low = (high != -1) ? Character.digit(raw[i + 2], 16) : -1;
				if (low == -1) {
					throw new MalformedFormException("a '%' at byte " + i + " is not followed by two hex digits");
				}
				out.write((high << 4) | low);
				i += 2;
			}
			else {
				out.write(b);
			}
		}
		return out.toByteArray();
	}

	/**
	 * One field.
	 * @param name its decoded name
	 * @param value its decoded value, the exact bytes sent
	 */
	record Field(String name, byte[] value) {
	}

	/** A form that cannot be decoded. */
	static final class MalformedFormException extends IllegalArgumentException {

		MalformedFormException(String message) {
			super(message);
		}

	}

}
