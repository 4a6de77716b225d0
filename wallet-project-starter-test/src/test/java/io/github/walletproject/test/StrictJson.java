package io.github.walletproject.test;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * Strict (RFC 4627) JSON parsing for the tests: objects become {@link JSONObject} (a map),
 * arrays {@link JSONArray} (a list).
 */
final class StrictJson {

	private StrictJson() {
	}

	static Object parse(String text) throws ParseException {
		return new JSONParser(JSONParser.MODE_RFC4627).parse(text);
	}

	static JSONObject object(String text) {
		try {
			return (JSONObject) parse(text);
		}
		catch (ParseException | ClassCastException ex) {
			throw new AssertionError("Not a JSON object: " + text, ex);
		}
	}

	static JSONArray array(String text) {
		try {
			return (JSONArray) parse(text);
		}
		catch (ParseException | ClassCastException ex) {
			throw new AssertionError("Not a JSON array: " + text, ex);
		}
	}

}
