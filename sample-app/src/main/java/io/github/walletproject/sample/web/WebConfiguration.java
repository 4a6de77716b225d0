package io.github.walletproject.sample.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link CurrentProjectFilter} for the JSON API and the page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<CurrentProjectFilter> currentProjectFilter() {
		FilterRegistrationBean<CurrentProjectFilter> registration = new FilterRegistrationBean<>(
				new CurrentProjectFilter());
		registration.addUrlPatterns("/api/*", "/"); // "/": the page, with the session's current project in it
		return registration;
	}

}
