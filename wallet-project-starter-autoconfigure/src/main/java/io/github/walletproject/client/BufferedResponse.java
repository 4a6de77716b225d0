package io.github.walletproject.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An error response read into memory (at most a bounded number of bytes) so that its body
 * can be inspected by the client and still be read by the caller.
 */
final class BufferedResponse implements ClientHttpResponse {

	private final HttpStatusCode status;

	private final String statusText;

	private final HttpHeaders headers;

	private final byte[] body;

	private BufferedResponse(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {
		this.status = status;
		this.statusText = statusText;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * Read a response, keeping at most {@code limit} bytes of its body, and close it.
	 * @param response the response
	 * @param limit the most bytes to keep
	 * @return the buffered response
	 * @throws IOException when reading fails
	 */
	static BufferedResponse read(ClientHttpResponse response, int limit) throws IOException {
		try (response) {
			byte[] body;
			try (InputStream in = response.getBody()) {
				body = in.readNBytes(limit);
			}
			return new BufferedResponse(response.getStatusCode(), response.getStatusText(), response.getHeaders(), body);
		}
	}

	/**
	 * An error response whose body was read already (by the reactive client).
	 * @param status the status
	 * @param headers the headers
	 * @param body the body bytes
	 * @return the response
	 */
	static BufferedResponse of(HttpStatusCode status, HttpHeaders headers, byte[] body) {
		return new BufferedResponse(status, "", headers, body);
	}

	byte[] bodyBytes() {
		return this.body;
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return this.status;
	}

	@Override
	public String getStatusText() {
		return this.statusText;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

	@Override
	public void close() {
	}

}
