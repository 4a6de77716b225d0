package io.github.walletproject.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.ProjectBinding;
import io.github.walletproject.RoutingParameters;
import io.github.walletproject.WalletReactive;
import io.github.walletproject.WalletResponseException;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.routing.RequestRoute;
import io.github.walletproject.routing.RouteCheck;
import io.github.walletproject.routing.RouteResolver;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The innermost filter of the reactive Wallet API {@code WebClient}: the reactive adapter of
 * the same {@link SigningSteps} the blocking {@link WalletSigningInterceptor} runs. It
 * chooses the route with the binding of the subscriber's Reactor {@code Context}
 * ({@link WalletReactive}; else the subscribing thread's {@code ProjectContext}), and the
 * credentials it carries (else the subscribing thread's {@code CredentialsContext}), checks it
 * without blocking (a cold access list loads off the event loop), and makes the attempts the
 * shared {@link Attempts} policy decides, each signed afresh with a new nonce and timestamp
 * when the request is written. A user token's first read from its store and its refresh ahead
 * of expiry happen before the first attempt, off the event loop when they may block. Clock
 * re-reads and token refreshes run on a bounded-elastic
 * thread, pauses between retries on a timer: nothing here waits on an event-loop thread.
 */
public final class WalletExchangeFilter implements ExchangeFilterFunction {

	/**
	 * The observation convention of the reactive Wallet client: the blocking client's name,
	 * keys and {@code wallet.project} tags, with the route this filter puts into the
	 * observation's context.
	 * @param name the observation name ({@code paysera.wallet.observation.name})
	 * @return the convention
	 */
	public static org.springframework.web.reactive.function.client.ClientRequestObservationConvention observationConvention(
			String name) {
		return new WalletClientObservationConvention.Reactive(name);
	}

	/** Where work that may block runs: never an event loop. */
	private static final Executor OFF_LOOP = task -> Schedulers.boundedElastic().schedule(task);

	private final BooleanSupplier open;

	private final Supplier<SigningSteps> steps;

	private final @Nullable Map<String, ExchangeFunction> byCertificate;

	private WalletExchangeFilter(BooleanSupplier open, Supplier<SigningSteps> steps,
			@Nullable Map<String, ExchangeFunction> byCertificate) {
		this.open = open;
		this.steps = steps;
		this.byCertificate = byCertificate;
	}

	/**
	 * A filter over the steps of the routed client.
	 * @param signing the signing support shared with the blocking client
	 * @param routes chooses the route of each request
	 * @param check the check of each route, looked up on first use
	 * @param byCertificate an exchange function per SSL bundle name (certificate mode with
	 * certificates per project), or {@code null} to send on the {@code WebClient}'s own
	 * @return the filter, to be the last (innermost) of its {@code WebClient}
	 */
	public static WalletExchangeFilter of(WalletSigning signing, RouteResolver routes, Supplier<RouteCheck> check,
			@Nullable Map<String, ExchangeFunction> byCertificate) {
		return new WalletExchangeFilter(signing::isOpen, SingletonSupplier.of(() -> signing.steps(routes, check.get())),
				(byCertificate != null) ? Map.copyOf(byCertificate) : null);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual(context -> {
			if (!this.open.getAsBoolean()) {
				// before the steps are looked up: the beans they need are gone with the context
				return Mono.error(SigningSteps.closed(new Outgoing(request)));
			}
			SigningSteps steps = this.steps.get();
			ProjectBinding binding = WalletReactive.binding(context);
			Outgoing outgoing = new Outgoing(request);
			WalletCredentials credentials = WalletReactive.credentials(context);
			RequestRoute route = steps.choose(outgoing, (binding != null) ? binding : ProjectBinding.current(),
					(credentials != null) ? credentials : CredentialsContext.current());
			// the WebClient observation (in the Context) sees the request as it was before the filters:
			// give it the route, for WalletClientObservationConvention.Reactive
			if (context.getOrDefault(ObservationThreadLocalAccessor.KEY, null) instanceof Observation observation
					&& observation.getContext() instanceof ClientRequestObservationContext observed) {
				observed.put(WalletSigningInterceptor.ROUTE_ATTRIBUTE, route);
			}
			ClientRequest prepared = outgoing.toRequest(request);
			RoutingParameters extra = SigningSteps.routingParameters(outgoing.getAttributes());
			Call call = new Call(steps, prepared, route, extra, exchangeFor(route, next));
			CompletableFuture<Void> checked = steps.checkAsync(route, OFF_LOOP)
				.thenRun(() -> SigningSteps.checked(outgoing.getAttributes(), route))
				.thenCompose(ok -> steps.prepareAsync(route, OFF_LOOP));
			if (checked.isDone() && !checked.isCompletedExceptionally()) {
				return call.attempt();
			}
			return Mono.fromFuture(checked, true).then(Mono.defer(call::attempt));
		});
	}

	private ExchangeFunction exchangeFor(RequestRoute route, ExchangeFunction next) {
		if (this.byCertificate == null) {
			return next;
		}
		String bundle = route.credentials().sslBundle();
		ExchangeFunction exchange = (bundle != null) ? this.byCertificate.get(bundle) : null;
		if (exchange == null) {
			// never fall back to another certificate
			throw new IllegalStateException("No HTTP client for the SSL bundle of " + route);
		}
		return exchange;
	}

	/**
	 * The attempts of one call, as {@link Attempts.Run} decides them.
	 */
	private static final class Call {

		private final SigningSteps steps;

		private final ClientRequest request;

		private final RequestRoute route;

		private final @Nullable RoutingParameters extra;

		private final ExchangeFunction exchange;

		private final Attempts.Run run;

		private final TransactionCalls.@Nullable Call transaction;

		Call(SigningSteps steps, ClientRequest request, RequestRoute route, @Nullable RoutingParameters extra,
				ExchangeFunction exchange) {
			this.steps = steps;
			this.request = request;
			this.route = route;
			this.extra = extra;
			this.exchange = exchange;
			this.run = steps.attempts().start(new Outgoing(request), route);
			this.transaction = steps.transactionCall(new Outgoing(request), route);
		}

		Mono<ClientResponse> attempt() {
			return Mono.defer(() -> {
				this.run.starting();
				this.run.state.nonce = null;
				ClientRequest signed = ClientRequest.from(this.request)
					.body((message, context) -> this.request.body().insert(new Signing(message, this), context))
					.build();
				return this.exchange.exchange(signed);
			}).onErrorResume(WebClientRequestException.class, this::failed).flatMap(this::answered);
		}

		private Mono<ClientResponse> failed(WebClientRequestException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof SigningFailure failure) {
				return Mono.error(failure.getCause());
			}
			long delay;
			try {
				delay = this.run.afterFailure(cause);
			}
			catch (RuntimeException failure) {
				return Mono.error(failure);
			}
			return after(delay);
		}

		private Mono<ClientResponse> after(long delay) {
			return (delay > 0) ? Mono.delay(Duration.ofMillis(delay)).then(Mono.defer(this::attempt)) : attempt();
		}

		private Mono<ClientResponse> answered(ClientResponse response) {
			this.run.answered();
			int status = response.statusCode().value();
			if (status < 400) {
				return observed(limited(response, this.steps.attempts().maxResponseBytes()));
			}
			Flux<DataBuffer> body = response.body(BodyExtractors.toDataBuffers());
			return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(body, WalletErrorDecoder.MAX_ERROR_BODY))
				.map(WalletExchangeFilter::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap(bytes -> decide(this.run.afterError(status, bytes), errorResponse(response, bytes)));
		}

		/** Tell the transaction observer of a 2xx answer about a transaction (the body read for a created one's key). */
		private Mono<ClientResponse> observed(ClientResponse response) {
			TransactionCalls.Call call = this.transaction;
			if (call == null || !response.statusCode().is2xxSuccessful()) {
				return Mono.just(response);
			}
			// the observer may write to a shared cache: never on the event loop
			if (!call.needsBody()) {
				return Mono.fromRunnable(() -> call.answered(null))
					.subscribeOn(Schedulers.boundedElastic())
					.thenReturn(response);
			}
			return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
				.map(WalletExchangeFilter::bytes)
				.defaultIfEmpty(new byte[0])
				.publishOn(Schedulers.boundedElastic())
				.map(bytes -> {
					call.answered(bytes);
					return response.mutate()
						.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
						.build();
				});
		}

		private Mono<ClientResponse> decide(Attempts.Next next, ClientResponse error) {
			return switch (next) {
				case RETURN -> Mono.just(error);
				case RETRY -> after(this.run.backOff());
				case REPLAY -> attempt();
				case RESYNC_CLOCK, REFRESH_TOKEN -> Mono
					.fromCallable(() -> (next == Attempts.Next.RESYNC_CLOCK) ? this.run.resynchronize()
							: this.run.refreshToken())
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap(helped -> decide(helped ? this.run.replay(next) : this.run.next(), error));
			};
		}

		void sign(HttpRequest request, byte[] body) {
			try {
				this.steps.sign(request, body, this.route, this.extra, this.run.state);
			}
			catch (RuntimeException ex) {
				throw new SigningFailure(ex);
			}
		}

	}

	private static ClientResponse errorResponse(ClientResponse response, byte[] bytes) {
		return ClientResponse.create(response.statusCode(), response.strategies())
			.headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
			.cookies(cookies -> cookies.addAll(response.cookies()))
			.request(response.request())
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
			.build();
	}

	private static ClientResponse limited(ClientResponse response, long limit) {
		long declared = response.headers().contentLength().orElse(-1);
		if (declared > limit) {
			return response.mutate().body(body -> body.map(DataBufferUtils::release).thenMany(tooLarge(limit))).build();
		}
		return response.mutate().body(body -> {
			long[] count = new long[1];
			return body.handle((buffer, sink) -> {
				count[0] += buffer.readableByteCount();
				if (count[0] > limit) {
					DataBufferUtils.release(buffer);
					sink.error(tooLargeException(limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}).build();
	}

	private static Flux<DataBuffer> tooLarge(long limit) {
		return Flux.error(tooLargeException(limit));
	}

	private static WalletResponseException tooLargeException(long limit) {
		return new WalletResponseException("Wallet API response is larger than " + limit
				+ " bytes (paysera.wallet.max-response-size)");
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Signs the request when it is written: the body bytes are known only then, and the
	 * headers are still open. Each attempt writes, and so signs, anew.
	 */
	private static final class Signing extends ClientHttpRequestDecorator {

		private final Call call;

		Signing(ClientHttpRequest delegate, Call call) {
			super(delegate);
			this.call = call;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).map(WalletExchangeFilter::bytes).defaultIfEmpty(new byte[0]).flatMap(bytes -> {
				this.call.sign(view(), bytes);
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

		private HttpRequest view() {
			ClientHttpRequest request = this;
			return new HttpRequest() {

				@Override
				public HttpMethod getMethod() {
					return request.getMethod();
				}

				@Override
				public URI getURI() {
					return request.getURI();
				}

				@Override
				public HttpHeaders getHeaders() {
					return request.getHeaders();
				}

				@Override
				public Map<String, Object> getAttributes() {
					return request.getAttributes();
				}

			};
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.defer(() -> {
				this.call.sign(view(), new byte[0]);
				return super.setComplete();
			});
		}

	}

	/**
	 * The request as the shared steps see it: its URI as it goes on the wire, and headers and
	 * attributes that the steps may change.
	 */
	private static final class Outgoing implements HttpRequest {

		private final HttpMethod method;

		private final URI uri;

		private final HttpHeaders headers = new HttpHeaders();

		private final Map<String, Object> attributes;

		Outgoing(ClientRequest request) {
			this.method = request.method();
			this.uri = SigningSteps.onTheWire(request.url());
			this.headers.addAll(request.headers());
			this.attributes = new LinkedHashMap<>(request.attributes());
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
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		ClientRequest toRequest(ClientRequest original) {
			return ClientRequest.from(original)
				.url(this.uri)
				.headers(headers -> {
					headers.clear();
					headers.addAll(this.headers);
				})
				.attributes(attributes -> attributes.putAll(this.attributes))
				.build();
		}

	}

	/**
	 * A failure of the signing step inside the connector, told apart from a transport failure.
	 */
	private static final class SigningFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SigningFailure(RuntimeException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
