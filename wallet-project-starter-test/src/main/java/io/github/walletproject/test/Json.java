package io.github.walletproject.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON for the mock: escaping, a strict parser (objects become ordered maps, arrays
 * lists, numbers {@link BigDecimal}, JSON null Java {@code null}), a writer, and lookups by
 * path such as {@code payments[0].price}. The test kit has no JSON library of its own on
 * purpose: it must not impose one on the applications that use it.
 */
final class Json {

	private Json() {
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	static String string(String text) {
		return (text != null) ? '"' + escape(text) + '"' : "null";
	}

	/**
	 * Parse a JSON text.
	 * @param text the text
	 * @return a {@code Map}, {@code List}, {@code String}, {@code BigDecimal}, {@code Boolean} or {@code null}
	 * @throws IllegalArgumentException when the text is not JSON
	 */
	static Object parse(String text) {
		Parser parser = new Parser(text);
		parser.skipWhitespace();
		Object value = parser.value();
		parser.skipWhitespace();
		if (parser.position < text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	/**
	 * Write a value built of maps, lists, strings, numbers, booleans and {@code null}.
	 * @param value the value
	 * @return its JSON text
	 */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			out.append(string(text));
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",").append(string(String.valueOf(entry.getKey()))).append(':');
				write(entry.getValue(), out);
				first = false;
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i > 0) ? "," : "");
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
		}
	}

	/**
	 * Look a value up by a path of field names and list indexes: {@code payments[0].price},
	 * {@code _metadata.total}, {@code [2].id}; a field name that contains a dot or bracket
	 * can be quoted: {@code ['1001'].price}.
	 * @param root the parsed document
	 * @param path the path
	 * @return what is there
	 */
	static Lookup at(Object root, String path) {
		Object current = root;
		int i = 0;
		while (i < path.length()) {
			char c = path.charAt(i);
			String key;
			Integer index = null;
			if (c == '.') {
				i++;
				continue;
			}
			if (c == '[') {
				int end = path.indexOf(']', i);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed '[' in JSON path '" + path + "'");
				}
				String inside = path.substring(i + 1, end);
				i = end + 1;
				if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'"))) {
					key = inside.substring(1, inside.length() - 1);
				}
				else {
					try {
						index = Integer.parseInt(inside);
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException("'" + inside + "' in JSON path '" + path
								+ "' is neither an index nor a quoted name", ex);
					}
					key = null;
				}
			}
			else {
				int end = i;
				while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
					end++;
				}
				key = path.substring(i, end);
				i = end;
			}
			if (index != null) {
				if (!(current instanceof List<?> list) || index < 0 || index >= list.size()) {
					return Lookup.MISSING;
				}
				current = list.get(index);
			}
			else {
				if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
					return Lookup.MISSING;
				}
				current = map.get(key);
			}
		}
		return new Lookup(true, current);
	}

	/**
	 * The result of {@link #at(Object, String)}.
	 * @param present whether the path exists (a present JSON null counts)
	 * @param value the value ({@code null} for a JSON null or when missing)
	 */
	record Lookup(boolean present, Object value) {

		static final Lookup MISSING = new Lookup(false, null);

	}

	private static final class Parser {

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text;
		}

		Object value() {
			if (this.position >= this.text.length()) {
				throw error("unexpected end of input");
			}
			char c = this.text.charAt(this.position);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> {
					if (c == '-' || (c >= '0' && c <= '9')) {
						yield number();
					}
					throw error("unexpected character '" + c + "'");
				}
			};
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.position++;
			skipWhitespace();
			if (peek() == '}') {
				this.position++;
				return Collections.unmodifiableMap(map);
			}
			while (true) {
				skipWhitespace();
				if (peek() != '"') {
					throw error("expected a field name");
				}
				String key = string();
				skipWhitespace();
				expect(':');
				skipWhitespace();
				if (map.containsKey(key)) {
					throw error("duplicate field '" + key + "'");
				}
				map.put(key, value());
				skipWhitespace();
				char c = next();
				if (c == '}') {
					return Collections.unmodifiableMap(map);
				}
				if (c != ',') {
					throw error("expected ',' or '}'");
				}
			}
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			this.position++;
			skipWhitespace();
			if (peek() == ']') {
				this.position++;
				return Collections.unmodifiableList(list);
			}
			while (true) {
				skipWhitespace();
				list.add(value());
				skipWhitespace();
				char c = next();
				if (c == ']') {
					return Collections.unmodifiableList(list);
				}
				if (c != ',') {
					throw error("expected ',' or ']'");
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c < 0x20) {
					throw error("control character in a string");
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char escaped = next();
				switch (escaped) {
					case '"', '\\', '/' -> out.append(escaped);
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'u' -> {
						if (this.position + 4 > this.text.length()) {
							throw error("short unicode escape");
						}
						try {
							out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
						}
						catch (NumberFormatException ex) {
							throw error("bad unicode escape");
						}
						this.position += 4;
					}
					default -> throw error("bad escape '\\" + escaped + "'");
				}
			}
		}

		private BigDecimal number() {
			int start = this.position;
			if (peek() == '-') {
				this.position++;
			}
			while (this.position < this.text.length() && "0123456789.eE+-".indexOf(this.text.charAt(this.position)) >= 0) {
				this.position++;
			}
			String literal = this.text.substring(start, this.position);
			if (!literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
				throw error("malformed number '" + literal + "'");
			}
			return new BigDecimal(literal);
		}

		private Object literal(String word, Object value) {
			if (!this.text.startsWith(word, this.position)) {
				throw error("unexpected literal");
			}
			this.position += word.length();
			return value;
		}

		void skipWhitespace() {
			while (this.position < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.position)) >= 0) {
				this.position++;
			}
		}

		private char peek() {
			if (this.position >= this.text.length()) {
				throw error("unexpected end of input");
			}
			return this.text.charAt(this.position);
		}

		private char next() {
			char c = peek();
			this.position++;
			return c;
		}

		private void expect(char c) {
			if (next() != c) {
				this.position--;
				throw error("expected '" + c + "'");
			}
		}

		IllegalArgumentException error(String problem) {
			return new IllegalArgumentException("Not JSON: " + problem + " at offset " + this.position);
		}

	}

}
