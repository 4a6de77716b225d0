package io.github.walletproject.money;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;

/**
 * Turns a filter argument ({@link StatementFilter}, {@link PaymentFilter},
 * {@link LocationFilter}) into the query parameters of the request. Any other argument is
 * left to Spring's resolvers.
 */
final class QueryParametersArgumentResolver implements HttpServiceArgumentResolver {

	@Override
	public boolean resolve(@Nullable Object argument, MethodParameter parameter, HttpRequestValues.Builder requestValues) {
		if (!QueryParameters.class.isAssignableFrom(parameter.getParameterType())) {
			return false;
		}
		if (argument != null) {
			((QueryParameters) argument).toQueryParameters()
				.forEach((name, values) -> requestValues.addRequestParameter(name, values.toArray(String[]::new)));
		}
		return true;
	}

}
