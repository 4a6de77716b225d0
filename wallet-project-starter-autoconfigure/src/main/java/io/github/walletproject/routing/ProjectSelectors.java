package io.github.walletproject.routing;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.internal.Texts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.env.Environment;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Turns a {@code @WalletProject} value into a {@link ProjectSelector}: a fixed project for an
 * alias, an id or a {@code ${…}} placeholder (resolved now), or a SpEL template parsed now and
 * evaluated per call. Every problem that can be found now is a
 * {@link WalletProjectDeclarationException}.
 */
final class ProjectSelectors {

	private final Supplier<ProjectRegistry> registrySupplier;

	private volatile @Nullable ProjectRegistry registry;

	private final @Nullable Environment environment;

	private final @Nullable BeanFactoryResolver beans;

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	ProjectSelectors(Supplier<ProjectRegistry> registry, @Nullable Environment environment,
			@Nullable BeanFactory beanFactory) {
		this.registrySupplier = registry;
		this.environment = environment;
		this.beans = (beanFactory != null) ? new BeanFactoryResolver(beanFactory) : null;
	}

	/** The application's environment, or {@code null}. */
	@Nullable Environment environment() {
		return this.environment;
	}

	ProjectRegistry registry() {
		ProjectRegistry registry = this.registry;
		if (registry == null) {
			registry = this.registrySupplier.get();
			this.registry = registry;
		}
		return registry;
	}

	ProjectSelector create(String value, String location) {
		if (value.isEmpty()) {
			throw declaration(location, value, "the value is empty; name an alias, an id, a ${...} placeholder "
					+ "or a #{...} SpEL template.");
		}
		String resolved = placeholders(value, location);
		if (resolved.contains("#{")) {
			return spel(resolved, value, location);
		}
		try {
			ResolvedProject project = registry().resolve(ProjectRef.parse(resolved, "@WalletProject on " + location),
					"@WalletProject on " + location);
			return new Fixed(project);
		}
		catch (InvalidProjectException ex) {
			throw declaration(location, value, reasonOf(ex, resolved, value));
		}
	}

	private String placeholders(String value, String location) {
		if (!value.contains("${")) {
			return value;
		}
		if (this.environment == null) {
			throw declaration(location, value, "placeholders need a Spring Environment.");
		}
		try {
			return this.environment.resolveRequiredPlaceholders(value);
		}
		catch (IllegalArgumentException ex) {
			throw declaration(location, value, "the placeholder cannot be resolved (" + ex.getMessage() + ").");
		}
	}

	private ProjectSelector spel(String template, String value, String location) {
		try {
			return new Spel(this.parser.parseExpression(template, ParserContext.TEMPLATE_EXPRESSION), value, location);
		}
		catch (ParseException ex) {
			throw declaration(location, value, "the SpEL template does not parse: " + ex.getMessage());
		}
	}

	private String reasonOf(InvalidProjectException ex, String resolved, String value) {
		char first = resolved.isEmpty() ? ' ' : resolved.charAt(0);
		if (first >= '0' && first <= '9') {
			return "it is not a valid project id (a positive number without leading zeros, up to 18 digits).";
		}
		String shown = resolved.equals(value) ? "" : " (resolved to " + Texts.quote(resolved) + ")";
		if (!registry().aliases().contains(resolved)) {
			try {
				new ProjectRef.Alias(resolved);
			}
			catch (InvalidProjectException malformed) {
				return "the value" + shown + " is neither a project id nor a well-formed alias.";
			}
			return "no project alias" + shown + " " + Texts.quote(resolved) + " is configured; add paysera.wallet.projects."
					+ resolved + ".id or use a numeric project id.";
		}
		return ex.getMessage();
	}

	WalletProjectDeclarationException declaration(String location, String value, String reason) {
		return new WalletProjectDeclarationException(location, value, reason, registry().aliases());
	}

	WalletProjectDeclarationException declaration(String location, String value, String reason, String action) {
		return new WalletProjectDeclarationException(location, value, reason, registry().aliases(), action);
	}

	private record Fixed(ResolvedProject project) implements ProjectSelector {

		@Override
		public ResolvedProject select(Method method, @Nullable Object[] arguments, @Nullable Object target) {
			return this.project;
		}

		@Override
		public ResolvedProject fixed() {
			return this.project;
		}

	}

	private final class Spel implements ProjectSelector {

		private final Expression expression;

		private final String value;

		private final String location;

		Spel(Expression expression, String value, String location) {
			this.expression = expression;
			this.value = value;
			this.location = location;
		}

		@Override
		public ResolvedProject select(Method method, @Nullable Object[] arguments, @Nullable Object target) {
			MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(
					new WalletProjectResolver.ExpressionRoot(method, arguments, target), method, (arguments != null) ? arguments : new Object[0],
					ProjectSelectors.this.parameterNames);
			if (ProjectSelectors.this.beans != null) {
				context.setBeanResolver(ProjectSelectors.this.beans);
			}
			String source = "@WalletProject(" + Texts.quote(this.value) + ") on " + this.location;
			Object result;
			try {
				result = this.expression.getValue(context);
			}
			catch (EvaluationException ex) {
				throw new InvalidProjectException(source + " failed to evaluate: " + ex.getMessage());
			}
			return registry().resolve(reference(result, source), source);
		}

		private static ProjectRef reference(@Nullable Object result, String source) {
			if (result instanceof ProjectRef reference) {
				return reference;
			}
			if (result instanceof Long || result instanceof Integer || result instanceof Short) {
				long id = ((Number) result).longValue();
				if (id <= 0) {
					throw new InvalidProjectException("Invalid project " + id + " from " + source
							+ ": a project id is positive. Use a configured alias or a positive project id.");
				}
				return ProjectRef.of(id);
			}
			if (result == null) {
				throw new InvalidProjectException("Empty project from " + source
						+ ": name a configured alias or a positive project id");
			}
			return ProjectRef.parse(result.toString(), source);
		}

	}

}
