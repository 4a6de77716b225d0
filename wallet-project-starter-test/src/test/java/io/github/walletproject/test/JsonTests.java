package io.github.walletproject.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The test kit's own JSON: strict parsing, writing what it parsed back unchanged, and paths.
 */
class JsonTests {

	@Test
	void parsesEveryKindOfValue() {
		Object parsed = Json.parse(" {\"a\":[1,-2.50,3e2],\"b\":\"x\\\"\\u00e9\\n\",\"c\":true,\"d\":null,\"e\":{}} ");

		assertThat(parsed).isInstanceOf(Map.class);
		Map<Object, Object> map = map(parsed);
		assertThat(map.keySet()).containsExactly("a", "b", "c", "d", "e");
		assertThat(list(map.get("a"))).containsExactly(new BigDecimal("1"), new BigDecimal("-2.50"),
				new BigDecimal("3e2"));
		assertThat(map.get("b")).isEqualTo("x\"\u00e9\n");
		assertThat(map.get("c")).isEqualTo(true);
		assertThat(map.containsKey("d")).isTrue();
		assertThat(map.get("d")).isNull();
	}

	@SuppressWarnings("unchecked")
	private static Map<Object, Object> map(Object value) {
		return (Map<Object, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	@Test
	void refusesWhatIsNotJson() {
		for (String text : List.of("", "{", "{\"a\":1,}", "[1 2]", "{\"a\":01}", "{a:1}", "'x'", "{\"a\":1}x",
				"{\"a\":1,\"a\":2}", "nul", "\"tab\there\"")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Json.parse(text)).withMessageStartingWith("Not JSON");
		}
	}

	@Test
	void writesWhatItParsed() {
		String text = "{\"payments\":[{\"price\":1299,\"currency\":\"EUR\",\"note\":\"a \\\"b\\\"\"}],\"x\":null,\"y\":[]}";

		assertThat(Json.write(Json.parse(text))).isEqualTo(text);
		Map<String, Object> built = new LinkedHashMap<>();
		built.put("id", 7L);
		built.put("amount", new BigDecimal("12.30"));
		built.put("tags", new ArrayList<>(Arrays.asList("a", null)));
		assertThat(Json.write(built)).isEqualTo("{\"id\":7,\"amount\":12.30,\"tags\":[\"a\",null]}");
	}

	@Test
	void pathsReachFieldsAndIndexesAndTellMissingFromNull() {
		Object root = Json.parse("{\"a\":[{\"b\":1},{\"c\":null}],\"1001\":{\"price\":5},\"x.y\":2}");

		assertThat(Json.at(root, "a[0].b")).isEqualTo(new Json.Lookup(true, new BigDecimal("1")));
		assertThat(Json.at(root, "a[1].c")).isEqualTo(new Json.Lookup(true, null));
		assertThat(Json.at(root, "a[1].b").present()).isFalse();
		assertThat(Json.at(root, "a[2]").present()).isFalse();
		assertThat(Json.at(root, "['1001'].price").value()).isEqualTo(new BigDecimal("5"));
		assertThat(Json.at(root, "['x.y']").value()).isEqualTo(new BigDecimal("2"));
		assertThat(Json.at(root, "a.b").present()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Json.at(root, "a[zero]"));
	}

}
