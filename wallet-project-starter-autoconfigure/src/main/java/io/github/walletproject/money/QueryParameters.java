package io.github.walletproject.money;

import org.springframework.util.MultiValueMap;

/**
 * A filter that becomes query parameters of an {@code @HttpExchange} call, through
 * {@link QueryParametersArgumentResolver}: the parameter needs no annotation.
 */
interface QueryParameters {

	/**
	 * The query parameters, as the Wallet API names and formats them.
	 * @return the parameters; only those that are set
	 */
	MultiValueMap<String, String> toQueryParameters();

}
