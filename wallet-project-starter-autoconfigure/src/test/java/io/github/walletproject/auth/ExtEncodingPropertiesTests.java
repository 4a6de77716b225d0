package io.github.walletproject.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExtEncoding} equals PHP {@code urlencode} / {@code http_build_query} for arbitrary
 * text, compared with a reference model written here from the rule in the protocol notes:
 * every UTF-8 byte except {@code A-Z a-z 0-9 - _ .} becomes {@code %XX} in upper-case hex,
 * space becomes {@code +}.
 */
class ExtEncodingPropertiesTests {

	// ---- the reference model -----------------------------------------------------------------

	static String phpUrlencode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.';
			if (unreserved) {
				out.append((char) c);
			}
			else if (c == ' ') {
				out.append('+');
			}
			else {
				out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
			}
		}
		return out.toString();
	}

	static String httpBuildQuery(List<Tuple2<String, String>> parameters) {
		List<String> pairs = new ArrayList<>();
		for (Tuple2<String, String> parameter : parameters) {
			if (parameter.get2() != null) {
				pairs.add(phpUrlencode(parameter.get1()) + "=" + phpUrlencode(parameter.get2()));
			}
		}
		return String.join("&", pairs);
	}

	static byte[] urldecode(String encoded) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '+') {
				out.write(' ');
			}
			else if (c == '%') {
				out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toByteArray();
	}

	// ---- generators --------------------------------------------------------------------------

	/** Text mixing ASCII (all of it), Latin-1, the rest of the BMP and supplementary characters. */
	@Provide
	static Arbitrary<String> text() {
		return pieces(false).list().ofMaxSize(24).map(list -> String.join("", list));
	}

	/** Like {@link #text()}, with unpaired surrogates as well. */
	@Provide
	static Arbitrary<String> anyText() {
		return pieces(true).list().ofMaxSize(24).map(list -> String.join("", list));
	}

	static Arbitrary<String> pieces(boolean loneSurrogates) {
		Arbitrary<String> ascii = Arbitraries.chars().range((char) 0, (char) 127).map(String::valueOf);
		Arbitrary<String> special = Arbitraries.of(" ", "*", "~", "+", "/", "=", "&", "%", "-", "_", ".", "\"", "\n")
			.map(String::valueOf);
		Arbitrary<String> latin1 = Arbitraries.chars().range((char) 128, (char) 255).map(String::valueOf);
		Arbitrary<String> bmp = Arbitraries.chars()
			.range((char) 256, (char) 0xFFFF)
			.filter(c -> !Character.isSurrogate(c))
			.map(String::valueOf);
		Arbitrary<String> supplementary = Arbitraries.integers()
			.between(0x10000, Character.MAX_CODE_POINT)
			.map(codePoint -> new String(Character.toChars(codePoint)));
		Arbitrary<String> lone = Arbitraries.chars().range((char) 0xD800, (char) 0xDFFF).map(String::valueOf);
		return loneSurrogates
				? Arbitraries.frequencyOf(Tuple.of(6, ascii), Tuple.of(3, special), Tuple.of(2, latin1), Tuple.of(2, bmp),
						Tuple.of(1, supplementary), Tuple.of(1, lone))
				: Arbitraries.frequencyOf(Tuple.of(6, ascii), Tuple.of(3, special), Tuple.of(2, latin1), Tuple.of(2, bmp),
						Tuple.of(1, supplementary));
	}

	/** Parameter lists with distinct names, some values {@code null}. */
	@Provide
	static Arbitrary<List<Tuple2<String, String>>> parameters() {
		Arbitrary<String> names = text().filter(name -> !name.isEmpty());
		Arbitrary<String> values = text().injectNull(0.2);
		return Combinators.combine(names, values)
			.as(Tuple::of)
			.list()
			.ofMaxSize(6)
			.uniqueElements(Tuple2::get1);
	}

	static Map<String, String> ordered(List<Tuple2<String, String>> parameters) {
		Map<String, String> map = new LinkedHashMap<>();
		parameters.forEach(parameter -> map.put(parameter.get1(), parameter.get2()));
		return map;
	}

	// ---- properties --------------------------------------------------------------------------

	@Property(tries = 1000)
	void encodeEqualsPhpUrlencode(@ForAll("anyText") String text) {
		assertThat(ExtEncoding.encode(text)).isEqualTo(phpUrlencode(text));
	}

	@Property(tries = 500)
	void appendEncodedAppendsWhatEncodeReturns(@ForAll("text") String prefix, @ForAll("anyText") String text) {
		StringBuilder out = new StringBuilder(prefix);

		ExtEncoding.appendEncoded(out, text);

		assertThat(out.toString()).isEqualTo(prefix + phpUrlencode(text));
	}

	@Property(tries = 500)
	void encodeDiffersFromUrlEncoderOnlyOnTheAsterisk(@ForAll("text") String text) {
		String urlEncoder = URLEncoder.encode(text, StandardCharsets.UTF_8);

		assertThat(ExtEncoding.encode(text)).isEqualTo(urlEncoder.replace("*", "%2A"));
	}

	@Property(tries = 500)
	void encodedTextIsUnreservedCharactersPlusAndUpperCaseEscapesAndDecodesBack(@ForAll("text") String text) {
		String encoded = ExtEncoding.encode(text);

		assertThat(encoded).matches("([A-Za-z0-9._+-]|%[0-9A-F]{2})*");
		assertThat(urldecode(encoded)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Property(tries = 500)
	void buildEqualsHttpBuildQueryInTheGivenOrderWithoutNullValues(
			@ForAll("parameters") List<Tuple2<String, String>> parameters) {
		assertThat(ExtEncoding.build(ordered(parameters))).isEqualTo(httpBuildQuery(parameters));
	}

	@Property(tries = 300)
	void buildKeepsTheCallersOrder(@ForAll("parameters") List<Tuple2<String, String>> parameters) {
		List<Tuple2<String, String>> reversed = new ArrayList<>(parameters);
		Collections.reverse(reversed);
		List<String> present = new ArrayList<>();
		for (Tuple2<String, String> parameter : reversed) {
			if (parameter.get2() != null) {
				present.add(phpUrlencode(parameter.get1()) + "=" + phpUrlencode(parameter.get2()));
			}
		}

		String built = ExtEncoding.build(ordered(reversed));

		assertThat(built.isEmpty() ? List.of() : List.of(built.split("&", -1))).containsExactlyElementsOf(present);
	}

	@Property(tries = 200)
	void nullValuesAreLeftOut(@ForAll("parameters") List<Tuple2<String, String>> parameters) {
		Map<String, String> withNulls = new LinkedHashMap<>();
		Map<String, String> withoutNulls = new LinkedHashMap<>();
		int i = 0;
		for (Tuple2<String, String> parameter : parameters) {
			withNulls.put("null_" + i++, null);
			withNulls.put(parameter.get1(), parameter.get2());
			if (parameter.get2() != null) {
				withoutNulls.put(parameter.get1(), parameter.get2());
			}
		}
		withNulls.put("null_last", null);

		assertThat(ExtEncoding.build(withNulls)).isEqualTo(ExtEncoding.build(withoutNulls));
		assertThat(ExtEncoding.build(withNulls)).doesNotContain("null_").doesNotStartWith("&").doesNotEndWith("&")
			.doesNotContain("&&");
	}

	// ---- the documented cases ---------------------------------------------------------------

	@Example
	void documentedExtExample() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("project_id", "1221");
		parameters.put("location_id", "77");
		parameters.put("user_id", null);

		assertThat(ExtEncoding.build(parameters)).isEqualTo("project_id=1221&location_id=77");
		assertThat(ExtEncoding.build(Map.of())).isEmpty();
		assertThat(ExtEncoding.build(Collections.singletonMap("project_id", null))).isEmpty();
	}

}
