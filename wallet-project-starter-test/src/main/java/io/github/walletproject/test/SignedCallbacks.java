package io.github.walletproject.test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests for MockMvc tests of an app's callback handling: a {@code POST} of the form
 * fields {@code event} and {@code sign}, signed with the mock's key, which the app verifies
 * against the mock's {@code /publickey} (point {@code paysera.wallet.callbacks.public-key-uri}
 * at {@link MockWalletApi#publicKeyUri()}, or let it default from the mock's base URL).
 *
 * <pre class="code">
 * mvc.perform(SignedCallbacks.post(api, "/paysera/callbacks", "transaction", "reserved", transactionJson))
 *     .andExpect(status().isOk());
 * </pre>
 */
public final class SignedCallbacks {

	private SignedCallbacks() {
	}

	/**
	 * A correctly signed callback.
	 * @param api the mock whose key signs it
	 * @param path the app's callback path ({@code paysera.wallet.callbacks.path})
	 * @param object {@code transaction}, {@code payment} or {@code allowance}
	 * @param type the type, such as {@code reserved}
	 * @param dataJson the object as the Wallet API returns it
	 * @return the request
	 */
	public static MockHttpServletRequestBuilder post(MockWalletApi api, String path, String object, String type,
			String dataJson) {
		return post(api, path, MockCallbacks.event(object, type, dataJson));
	}

	/**
	 * A correctly signed callback of an event text.
	 * @param api the mock whose key signs it
	 * @param path the app's callback path
	 * @param event the exact {@code event} text
	 * @return the request
	 */
	public static MockHttpServletRequestBuilder post(MockWalletApi api, String path, String event) {
		return MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.characterEncoding("UTF-8")
			// the form as Paysera sends it, in the body: the app verifies the exact bytes of event there
			.content(api.callbacks().form(event));
	}

}
