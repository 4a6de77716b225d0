package io.github.walletproject.callback;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import io.github.walletproject.client.WalletSigningInterceptor;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.routing.RequestRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Records the project of every {@link Transaction} a Wallet HTTP interface returns (creating,
 * reading, confirming one), from the route the signing interceptor checked and sent the call
 * on, into {@link TransactionProjects}. Two halves: the processor asks the interceptor for
 * the route of calls that return a transaction; the decorator records it with the key.
 */
final class TransactionProjectRecorder implements HttpRequestValues.Processor {

	private final TransactionProjects projects;

	TransactionProjectRecorder(TransactionProjects projects) {
		this.projects = projects;
	}

	@Override
	public void process(Method method, MethodParameter[] parameters, @Nullable Object[] arguments,
			HttpRequestValues.Builder builder) {
		if (Transaction.class.equals(method.getReturnType())) {
			builder.addAttribute(WalletSigningInterceptor.ROUTE_SINK_ATTRIBUTE, new AtomicReference<RequestRoute>());
		}
	}

	HttpExchangeAdapter decorate(HttpExchangeAdapter delegate) {
		return new Decorator(delegate, this.projects);
	}

	private static final class Decorator extends HttpExchangeAdapterDecorator {

		private final TransactionProjects projects;

		Decorator(HttpExchangeAdapter delegate, TransactionProjects projects) {
			super(delegate);
			this.projects = projects;
		}

		@Override
		public <T> @Nullable T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
			T body = super.exchangeForBody(values, bodyType);
			if (body instanceof Transaction transaction
					&& values.getAttributes().get(WalletSigningInterceptor.ROUTE_SINK_ATTRIBUTE) instanceof AtomicReference<?> sink
					&& sink.get() instanceof RequestRoute.ProjectRoute route) {
				this.projects.record(transaction.key(), route.project().id());
			}
			return body;
		}

	}

}
