package io.github.walletproject.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Wraps the request factory of an HTTP client that resends some requests by itself when their
 * connection closes without an answer (the JDK {@code HttpClient} and
 * {@code HttpURLConnection} do, and used only when nothing else is available). A failure of
 * such a request can come from the hidden second send, after the first reached the server, so
 * it is never taken as proof that the request was not sent: it is reported as a
 * {@link io.github.walletproject.WalletOutcomeUnknownException}.
 */
public final class SelfResendingRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory delegate;

	private final Set<HttpMethod> resentMethods;

	/**
	 * Wrap a request factory.
	 * @param delegate the factory of the HTTP client
	 * @param resentMethods the methods it resends by itself
	 */
	public SelfResendingRequestFactory(ClientHttpRequestFactory delegate, Set<HttpMethod> resentMethods) {
		this.delegate = delegate;
		this.resentMethods = Set.copyOf(resentMethods);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequest request = this.delegate.createRequest(uri, httpMethod);
		return this.resentMethods.contains(httpMethod) ? new MarkingRequest(request) : request;
	}

	/**
	 * The failure of a request that the HTTP client may have sent twice.
	 */
	static final class MayHaveBeenResentException extends IOException {

		private static final long serialVersionUID = 1L;

		MayHaveBeenResentException(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

	private static final class MarkingRequest implements ClientHttpRequest {

		private final ClientHttpRequest request;

		MarkingRequest(ClientHttpRequest request) {
			this.request = request;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			try {
				return this.request.execute();
			}
			catch (IOException ex) {
				throw new MayHaveBeenResentException(ex);
			}
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.request.getBody();
		}

		@Override
		public HttpMethod getMethod() {
			return this.request.getMethod();
		}

		@Override
		public URI getURI() {
			return this.request.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.request.getAttributes();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.getHeaders();
		}

	}

}
