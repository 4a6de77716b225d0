package io.github.walletproject.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response whose body may not exceed {@code paysera.wallet.max-response-size}: reading
 * past the limit fails with {@link ResponseTooLargeException}, so a hostile or broken server
 * cannot make the client buffer an unbounded body.
 */
final class SizeLimitedResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final long limit;

	private InputStream body;

	SizeLimitedResponse(ClientHttpResponse delegate, long limit) {
		this.delegate = delegate;
		this.limit = limit;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.delegate.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.delegate.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public InputStream getBody() throws IOException {
		if (this.body == null) {
			long declared = this.delegate.getHeaders().getContentLength();
			if (declared > this.limit) {
				throw new ResponseTooLargeException(this.limit);
			}
			this.body = new Limited(this.delegate.getBody(), this.limit);
		}
		return this.body;
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	/**
	 * The response body exceeded the configured limit.
	 */
	static final class ResponseTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		ResponseTooLargeException(long limit) {
			super("Wallet API response is larger than " + limit + " bytes (paysera.wallet.max-response-size)");
		}

	}

	private static final class Limited extends FilterInputStream {

		private final long limit;

		private long count;

		Limited(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long n) throws IOException {
			this.count += n;
			if (this.count > this.limit) {
				throw new ResponseTooLargeException(this.limit);
			}
		}

		@Override
		public boolean markSupported() {
			return false;
		}

	}

}
