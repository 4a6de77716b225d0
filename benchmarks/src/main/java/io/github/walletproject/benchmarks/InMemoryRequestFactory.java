package io.github.walletproject.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractStreamingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request factory that never touches the network: the request body is streamed into a
 * sink that only counts bytes (as a real client streams it into a socket), and every request
 * gets a 200 response with a canned JSON body and its {@code Content-Length} (as a server
 * sends a small JSON document). Requests are streaming, like those of the
 * JDK {@code HttpClient} factory Boot picks by default.
 * <p>
 * When {@link #record(boolean) recording}, the last request's method, URI and headers are
 * kept so that a benchmark can check, once at setup, that it measures what it claims.
 */
public final class InMemoryRequestFactory implements ClientHttpRequestFactory {

	private static final HttpHeaders BALANCE_HEADERS = responseHeaders(Inputs.BALANCE_RESPONSE.length);

	private static final HttpHeaders TRANSACTION_HEADERS = responseHeaders(Inputs.TRANSACTION_RESPONSE.length);

	private volatile boolean recording;

	private volatile @Nullable Recorded last;

	/**
	 * Keep (or stop keeping) the last request.
	 * @param recording whether to record
	 */
	public void record(boolean recording) {
		this.recording = recording;
		this.last = null;
	}

	/**
	 * The last request seen while recording.
	 * @return the request, or {@code null}
	 */
	public @Nullable Recorded last() {
		return this.last;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new InMemoryRequest(uri, httpMethod);
	}

	private static HttpHeaders responseHeaders(long contentLength) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(contentLength);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * What was sent.
	 *
	 * @param method the method
	 * @param uri the URI
	 * @param headers a copy of the headers
	 * @param bodyLength the number of body bytes
	 */
	public record Recorded(HttpMethod method, URI uri, HttpHeaders headers, long bodyLength) {
	}

	private final class InMemoryRequest extends AbstractStreamingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		InMemoryRequest(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, @Nullable Body body) throws IOException {
			long length = 0;
			if (body != null) {
				CountingSink sink = new CountingSink();
				body.writeTo(sink);
				length = sink.count;
			}
			if (InMemoryRequestFactory.this.recording) {
				HttpHeaders copy = new HttpHeaders();
				copy.putAll(headers);
				InMemoryRequestFactory.this.last = new Recorded(this.method, this.uri, copy, length);
			}
			return (this.method == HttpMethod.POST) ? new CannedResponse(TRANSACTION_HEADERS, Inputs.TRANSACTION_RESPONSE)
					: new CannedResponse(BALANCE_HEADERS, Inputs.BALANCE_RESPONSE);
		}

	}

	private static final class CountingSink extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

	private static final class CannedResponse implements ClientHttpResponse {

		private final HttpHeaders headers;

		private final byte[] body;

		private @Nullable InputStream stream;

		CannedResponse(HttpHeaders headers, byte[] body) {
			this.headers = headers;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			if (this.stream == null) {
				this.stream = new ByteArrayInputStream(this.body);
			}
			return this.stream;
		}

		@Override
		public void close() {
		}

	}

}
