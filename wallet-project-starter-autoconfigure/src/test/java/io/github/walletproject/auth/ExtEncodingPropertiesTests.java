package io.github.walletproject.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.github.walletproject.support.SeededCases;
import io.github.walletproject.support.SeededCases.Gen;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExtEncoding} equals PHP {@code urlencode} / {@code http_build_query} for arbitrary
 * text, compared with a reference model written here from the rule in the protocol notes:
 * every UTF-8 byte except {@code A-Z a-z 0-9 - _ .} becomes {@code %XX} in upper-case hex,
 * space becomes {@code +}. Each property runs over seeded cases ({@link SeededCases}): a
 * failed case names its seed, and {@code -Dwallet.pbt.seed=N} replays it.
 */
@ExtendWith(SeededCases.ReportSeed.class)
class ExtEncodingPropertiesTests {

	/** What PHP's {@code urlencode} leaves alone. */
	static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

	/** Texts that come up often: the characters at the edges of the encoding rule, and valid UTF-16. */
	static final String[] TEXT_EDGE_CASES = { "", UNRESERVED, "~", "*", " ", "+", "%", "&", "=", "/", "\"", "  ",
			"a b+c*d~e", " ~*+%&=", "%2A", "%zz", "\u0000", "\u0001\u001f\u007f", "\t\r\n", "\u0080", "\u00ff",
			"\u0105", "\u0105\u010d\u0119\u0117\u012f\u0161\u0173\u016b\u017e", "\u20ac", "\u00a0", "\ufeff",
			"\ud7ff", "\ue000", "\uffff", "\ud83d\ude00", "a\ud83d\ude00b", "\ud800\udc00", "\udbff\udfff",
			"\ud83d\udc4d\ud83c\udffd", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "project_id",
			"body_hash" };

	/** Texts that are not valid UTF-16: unpaired and reversed surrogates. */
	static final String[] BROKEN_TEXT_EDGE_CASES = { "\ud800", "\udfff", "\ud83d", "a\udc00b", "\udc00\ud800",
			"\ud83d\ud83d\ude00", "\ud83d\ude00\ude00" };

	/** A parameter in the caller's order; {@code null} values are left out of the ext. */
	record Parameter(String name, @Nullable String value) {
	}

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

	static String httpBuildQuery(List<Parameter> parameters) {
		List<String> pairs = new ArrayList<>();
		for (Parameter parameter : parameters) {
			if (parameter.value() != null) {
				pairs.add(phpUrlencode(parameter.name()) + "=" + phpUrlencode(parameter.value()));
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

	/**
	 * Text mixing ASCII (all of it, control characters included), Latin-1, the rest of the BMP
	 * and supplementary characters; one case in six is one of {@link #TEXT_EDGE_CASES}.
	 */
	static Gen<String> text() {
		return SeededCases.joined(pieces(false).list(0, 24), "").withEdgeCases(1.0 / 6, TEXT_EDGE_CASES);
	}

	/** Like {@link #text()}, with unpaired surrogates as well. */
	static Gen<String> anyText() {
		String[] edgeCases = Stream.concat(Stream.of(TEXT_EDGE_CASES), Stream.of(BROKEN_TEXT_EDGE_CASES))
			.toArray(String[]::new);
		return SeededCases.joined(pieces(true).list(0, 24), "").withEdgeCases(1.0 / 6, edgeCases);
	}

	static Gen<String> pieces(boolean loneSurrogates) {
		Gen<String> ascii = SeededCases.chars((char) 0, (char) 127).map(String::valueOf);
		Gen<String> special = SeededCases.oneOf(" ", "*", "~", "+", "/", "=", "&", "%", "-", "_", ".", "\"", "\n");
		Gen<String> latin1 = SeededCases.chars((char) 128, (char) 255).map(String::valueOf);
		Gen<String> bmp = SeededCases.chars((char) 256, (char) 0xFFFF)
			.filter((c) -> !Character.isSurrogate(c))
			.map(String::valueOf);
		Gen<String> supplementary = SeededCases.ints(0x10000, Character.MAX_CODE_POINT)
			.map((codePoint) -> new String(Character.toChars(codePoint)));
		Gen<String> lone = SeededCases.chars((char) 0xD800, (char) 0xDFFF).map(String::valueOf);
		return loneSurrogates
				? SeededCases.frequency(SeededCases.weighted(6, ascii), SeededCases.weighted(3, special),
						SeededCases.weighted(2, latin1), SeededCases.weighted(2, bmp),
						SeededCases.weighted(1, supplementary), SeededCases.weighted(1, lone))
				: SeededCases.frequency(SeededCases.weighted(6, ascii), SeededCases.weighted(3, special),
						SeededCases.weighted(2, latin1), SeededCases.weighted(2, bmp),
						SeededCases.weighted(1, supplementary));
	}

	/** Parameter lists (up to six) with distinct non-empty names, one value in five {@code null}. */
	static Gen<List<Parameter>> parameters() {
		Gen<String> names = text().filter((name) -> !name.isEmpty());
		Gen<@Nullable String> values = text().orNull(0.2);
		Gen<Parameter> parameter = (random) -> new Parameter(names.next(random), values.next(random));
		return parameter.uniqueList(0, 6, Parameter::name);
	}

	static Map<String, @Nullable String> ordered(List<Parameter> parameters) {
		Map<String, @Nullable String> map = new LinkedHashMap<>();
		parameters.forEach((parameter) -> map.put(parameter.name(), parameter.value()));
		return map;
	}

	// ---- properties --------------------------------------------------------------------------

	static Stream<Arguments> encodeEqualsPhpUrlencode() {
		return SeededCases.cases(1000, anyText());
	}

	@ParameterizedTest
	@MethodSource
	void encodeEqualsPhpUrlencode(String text) {
		assertThat(ExtEncoding.encode(text)).isEqualTo(phpUrlencode(text));
	}

	static Stream<Arguments> appendEncodedAppendsWhatEncodeReturns() {
		return SeededCases.cases(500, text(), anyText());
	}

	@ParameterizedTest
	@MethodSource
	void appendEncodedAppendsWhatEncodeReturns(String prefix, String text) {
		StringBuilder out = new StringBuilder(prefix);

		ExtEncoding.appendEncoded(out, text);

		assertThat(out.toString()).isEqualTo(prefix + phpUrlencode(text));
	}

	static Stream<Arguments> encodeDiffersFromUrlEncoderOnlyOnTheAsterisk() {
		return SeededCases.cases(500, text());
	}

	@ParameterizedTest
	@MethodSource
	void encodeDiffersFromUrlEncoderOnlyOnTheAsterisk(String text) {
		String urlEncoder = URLEncoder.encode(text, StandardCharsets.UTF_8);

		assertThat(ExtEncoding.encode(text)).isEqualTo(urlEncoder.replace("*", "%2A"));
	}

	static Stream<Arguments> encodedTextIsUnreservedCharactersPlusAndUpperCaseEscapesAndDecodesBack() {
		return SeededCases.cases(500, text());
	}

	@ParameterizedTest
	@MethodSource
	void encodedTextIsUnreservedCharactersPlusAndUpperCaseEscapesAndDecodesBack(String text) {
		String encoded = ExtEncoding.encode(text);

		assertThat(encoded).matches("([A-Za-z0-9._+-]|%[0-9A-F]{2})*");
		assertThat(urldecode(encoded)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	static Stream<Arguments> buildEqualsHttpBuildQueryInTheGivenOrderWithoutNullValues() {
		return SeededCases.cases(500, parameters());
	}

	@ParameterizedTest
	@MethodSource
	void buildEqualsHttpBuildQueryInTheGivenOrderWithoutNullValues(List<Parameter> parameters) {
		assertThat(ExtEncoding.build(ordered(parameters))).isEqualTo(httpBuildQuery(parameters));
	}

	static Stream<Arguments> buildKeepsTheCallersOrder() {
		return SeededCases.cases(300, parameters());
	}

	@ParameterizedTest
	@MethodSource
	void buildKeepsTheCallersOrder(List<Parameter> parameters) {
		List<Parameter> reversed = new ArrayList<>(parameters);
		Collections.reverse(reversed);
		List<String> present = new ArrayList<>();
		for (Parameter parameter : reversed) {
			if (parameter.value() != null) {
				present.add(phpUrlencode(parameter.name()) + "=" + phpUrlencode(parameter.value()));
			}
		}

		String built = ExtEncoding.build(ordered(reversed));

		assertThat(built.isEmpty() ? List.of() : List.of(built.split("&", -1))).containsExactlyElementsOf(present);
	}

	static Stream<Arguments> nullValuesAreLeftOut() {
		return SeededCases.cases(200, parameters());
	}

	@ParameterizedTest
	@MethodSource
	void nullValuesAreLeftOut(List<Parameter> parameters) {
		Map<String, @Nullable String> withNulls = new LinkedHashMap<>();
		Map<String, @Nullable String> withoutNulls = new LinkedHashMap<>();
		int i = 0;
		for (Parameter parameter : parameters) {
			withNulls.put("null_" + i++, null);
			withNulls.put(parameter.name(), parameter.value());
			if (parameter.value() != null) {
				withoutNulls.put(parameter.name(), parameter.value());
			}
		}
		withNulls.put("null_last", null);

		assertThat(ExtEncoding.build(withNulls)).isEqualTo(ExtEncoding.build(withoutNulls));
		assertThat(ExtEncoding.build(withNulls)).doesNotContain("null_").doesNotStartWith("&").doesNotEndWith("&")
			.doesNotContain("&&");
	}

	// ---- the generators reach what the properties are about ------------------------------------

	@Test
	void textGeneratorsReachEveryEdgeCaseAndEveryKindOfCharacter() {
		List<String> texts = draw(text(), 20_000);
		List<String> anyTexts = draw(anyText(), 20_000);

		assertThat(texts).contains(TEXT_EDGE_CASES)
			.allSatisfy((text) -> assertThat(isValidUtf16(text)).as("valid UTF-16: %s", text).isTrue())
			.anySatisfy((text) -> assertThat(text).containsPattern("[\\x00-\\x1f\\x7f]"))
			.anySatisfy((text) -> assertThat(text).containsPattern("[\\x80-\\xff]"))
			.anySatisfy((text) -> assertThat(text).containsPattern("[\\u0100-\\ud7ff\\ue000-\\uffff]"))
			.anySatisfy((text) -> assertThat(text.codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue())
			.anySatisfy((text) -> assertThat(text.codePointCount(0, text.length())).isGreaterThanOrEqualTo(24))
			.anySatisfy((text) -> assertThat(text).contains("*", "~", " ", "+"));
		assertThat(anyTexts).contains(TEXT_EDGE_CASES)
			.contains(BROKEN_TEXT_EDGE_CASES)
			.filteredOn((text) -> !isValidUtf16(text))
			.hasSizeGreaterThan(BROKEN_TEXT_EDGE_CASES.length * 10);
		assertThat(draw(parameters(), 2000)).anySatisfy((list) -> assertThat(list).isEmpty())
			.anySatisfy((list) -> assertThat(list).hasSize(6))
			.anySatisfy((list) -> assertThat(list).extracting(Parameter::value).containsNull())
			.allSatisfy((list) -> assertThat(list).extracting(Parameter::name).doesNotHaveDuplicates().doesNotContain(""));
	}

	static boolean isValidUtf16(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
	}

	/** Values of a generator from a fixed seed: what the generator tests look at. */
	static <T> List<T> draw(Gen<T> gen, int count) {
		SplittableRandom random = new SplittableRandom(1_300_000_000L);
		List<T> values = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			values.add(gen.next(random));
		}
		return values;
	}

	// ---- the documented cases ---------------------------------------------------------------

	@Test
	void documentedExtExample() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("project_id", "1221");
		parameters.put("location_id", "77");
		parameters.put("user_id", null);

		assertThat(ExtEncoding.build(parameters)).isEqualTo("project_id=1221&location_id=77");
		assertThat(ExtEncoding.build(Map.of())).isEmpty();
		assertThat(ExtEncoding.build(Collections.singletonMap("project_id", null))).isEmpty();
	}

	@Test
	void parametersAppendedToAnEncodedListKeepItAndJoinWithOneAmpersand() {
		assertThat(ExtEncoding.build("project_id=1221", Map.of())).isEqualTo("project_id=1221");
		assertThat(ExtEncoding.build("project_id=1221", Map.of("location_id", "7 7")))
			.isEqualTo("project_id=1221&location_id=7+7");
		assertThat(ExtEncoding.build("", Map.of("location_id", "77"))).isEqualTo("location_id=77");
	}

}
