package io.github.walletproject.routing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.WalletProject;
import io.github.walletproject.internal.Texts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.Environment;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@code @WalletProject} for a method of a target class (method first, then class;
 * merged annotations, so meta-annotations work; through interfaces and superclasses) and
 * turns its value into a {@link ProjectSelector}. Everything that can be checked is checked
 * when a class is first seen (at startup, when its bean is proxied): unknown aliases,
 * malformed ids, unresolvable placeholders, unparsable SpEL and conflicting annotations.
 * Results are cached per method and target class.
 */
public final class WalletProjectResolver {

	private static final ProjectSelector NONE = (method, arguments, target) -> {
		throw new IllegalStateException("not annotated");
	};

	private static final @Nullable Class<? extends java.lang.annotation.Annotation> HTTP_EXCHANGE = httpExchange();

	private final Supplier<ProjectRegistry> registrySupplier;

	private volatile @Nullable ProjectRegistry registry;

	private final @Nullable Environment environment;

	private final @Nullable BeanFactory beanFactory;

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<MethodClassKey, ProjectSelector> cache = new ConcurrentHashMap<>();

	private final Map<Class<?>, Boolean> candidates = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param registry the configured projects, looked up when the first annotated class is
	 * seen (so that merely creating the advisor does not create the registry early)
	 * @param environment resolves {@code ${…}} placeholders, or {@code null}
	 * @param beanFactory resolves {@code @bean} references in SpEL, or {@code null}
	 */
	public WalletProjectResolver(Supplier<ProjectRegistry> registry, @Nullable Environment environment,
			@Nullable BeanFactory beanFactory) {
		this.registrySupplier = registry;
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	/**
	 * Create a resolver over a registry.
	 * @param registry the configured projects
	 */
	public WalletProjectResolver(ProjectRegistry registry) {
		this(() -> registry, null, null);
	}

	private ProjectRegistry registry() {
		ProjectRegistry registry = this.registry;
		if (registry == null) {
			registry = this.registrySupplier.get();
			this.registry = registry;
		}
		return registry;
	}

	/**
	 * Whether calls of {@code method} on {@code targetClass} are routed by an annotation.
	 * The first call for a class checks every annotated method of the class.
	 * @param method the method
	 * @param targetClass the target class
	 * @return {@code true} when annotated
	 */
	public boolean isAnnotated(Method method, @Nullable Class<?> targetClass) {
		if (targetClass != null && !isCandidate(targetClass)) {
			return false;
		}
		return selector(method, targetClass) != null;
	}

	private boolean isCandidate(Class<?> targetClass) {
		Boolean candidate = this.candidates.get(targetClass);
		if (candidate == null) {
			candidate = mentionsWalletProject(ClassUtils.getUserClass(targetClass));
			if (candidate) {
				checkClass(targetClass);
			}
			this.candidates.put(targetClass, candidate);
		}
		return candidate;
	}

	private static boolean mentionsWalletProject(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, WalletProject.class)) {
			return false;
		}
		if (MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).isPresent(WalletProject.class)) {
			return true;
		}
		boolean[] found = new boolean[1];
		ReflectionUtils.doWithMethods(type, method -> found[0] = true,
				method -> !found[0] && MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
					.isPresent(WalletProject.class));
		if (found[0]) {
			return true;
		}
		for (Class<?> ifc : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			for (Method method : ifc.getMethods()) {
				if (MergedAnnotations.from(method).isPresent(WalletProject.class)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The selector for a method of a target class.
	 * @param method the invoked method
	 * @param targetClass the target class
	 * @return the selector, or {@code null} when the method is not annotated
	 */
	public @Nullable ProjectSelector selector(Method method, @Nullable Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		ProjectSelector selector = this.cache.get(key);
		if (selector == null) {
			selector = compute(method, targetClass);
			this.cache.put(key, selector);
		}
		return (selector != NONE) ? selector : null;
	}

	/**
	 * The selector of an {@code @HttpExchange} interface method: its own annotation, else
	 * the interface's.
	 * @param method the interface method
	 * @param serviceType the interface
	 * @return the selector, or {@code null} when neither is annotated
	 */
	public @Nullable ProjectSelector interfaceSelector(Method method, Class<?> serviceType) {
		String location = location(serviceType, method);
		Found found = find(method, location);
		if (found == null) {
			found = find(serviceType, serviceType.getName());
		}
		if (found == null && method.getDeclaringClass() != serviceType) {
			found = find(method.getDeclaringClass(), method.getDeclaringClass().getName());
		}
		return (found != null) ? create(found.value(), location) : null;
	}

	private void checkClass(Class<?> targetClass) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		ReflectionUtils.doWithMethods(userClass, method -> selector(method, targetClass),
				method -> !method.isSynthetic() && !method.isBridge() && method.getDeclaringClass() != Object.class);
	}

	private ProjectSelector compute(Method method, @Nullable Class<?> targetClass) {
		Class<?> userClass = (targetClass != null) ? ClassUtils.getUserClass(targetClass) : method.getDeclaringClass();
		Method specific = ClassUtils.getMostSpecificMethod(method, userClass);
		if (isHttpExchange(specific) || isHttpExchange(method)) {
			return NONE; // routed per request by the HTTP interface processor
		}
		String location = location(userClass, specific);
		Found found = find(specific, location);
		if (found == null && specific != method) {
			found = find(method, location);
		}
		if (found == null) {
			found = find(userClass, userClass.getName());
		}
		if (found == null && method.getDeclaringClass() != userClass) {
			found = find(method.getDeclaringClass(), method.getDeclaringClass().getName());
		}
		if (found == null) {
			return NONE;
		}
		return create(found.value(), location);
	}

	/**
	 * Turn an annotation value into a selector, checking all that can be checked now.
	 * @param value the annotation value
	 * @param location where the annotation is, for messages
	 * @return the selector
	 * @throws WalletProjectDeclarationException when the value cannot be used
	 */
	public ProjectSelector create(String value, String location) {
		if (value.isEmpty()) {
			throw declaration(location, value, "the value is empty; name an alias, an id, a ${...} placeholder "
					+ "or a #{...} SpEL template.");
		}
		String resolved = value;
		if (value.contains("${")) {
			if (this.environment == null) {
				throw declaration(location, value, "placeholders need a Spring Environment.");
			}
			try {
				resolved = this.environment.resolveRequiredPlaceholders(value);
			}
			catch (IllegalArgumentException ex) {
				throw declaration(location, value, "the placeholder cannot be resolved (" + ex.getMessage() + ").");
			}
		}
		if (resolved.contains("#{")) {
			return spel(resolved, value, location);
		}
		try {
			ResolvedProject project = registry().resolve(resolved, "@WalletProject on " + location);
			return new Fixed(project);
		}
		catch (InvalidProjectException ex) {
			throw declaration(location, value, reasonOf(ex, resolved, value));
		}
	}

	private ProjectSelector spel(String template, String value, String location) {
		Expression expression;
		try {
			expression = this.parser.parseExpression(template, ParserContext.TEMPLATE_EXPRESSION);
		}
		catch (ParseException ex) {
			throw declaration(location, value, "the SpEL template does not parse: " + ex.getMessage());
		}
		return new Spel(expression, value, location);
	}

	private String reasonOf(InvalidProjectException ex, String resolved, String value) {
		if (ProjectValues.looksNumeric(resolved)) {
			return "it is not a valid project id (a positive number without leading zeros, up to 18 digits).";
		}
		String shown = resolved.equals(value) ? "" : " (resolved to " + Texts.quote(resolved) + ")";
		if (!registry().aliases().contains(resolved)) {
			try {
				ProjectValues.checkAlias(resolved, "");
			}
			catch (InvalidProjectException malformed) {
				return "the value" + shown + " is neither a project id nor a well-formed alias.";
			}
			return "no project alias" + shown + " " + Texts.quote(resolved) + " is configured; add paysera.wallet.projects."
					+ resolved + ".id or use a numeric project id.";
		}
		return ex.getMessage();
	}

	private @Nullable Found find(AnnotatedElement element, String location) {
		List<MergedAnnotation<WalletProject>> all = MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY)
			.stream(WalletProject.class)
			.toList();
		if (all.isEmpty()) {
			return null;
		}
		MergedAnnotation<WalletProject> nearest = all.get(0);
		Set<String> values = new LinkedHashSet<>();
		for (MergedAnnotation<WalletProject> annotation : all) {
			if (annotation.getAggregateIndex() == nearest.getAggregateIndex()
					&& annotation.getDistance() == nearest.getDistance()) {
				values.add(annotation.getString("value"));
			}
		}
		if (values.size() > 1) {
			throw declaration(location, String.join("|", values), "it carries " + values.size()
					+ " @WalletProject annotations (directly or as meta-annotations) with different values "
					+ values + "; keep one.");
		}
		return new Found(nearest.getString("value"));
	}

	private WalletProjectDeclarationException declaration(String location, String value, String reason) {
		return new WalletProjectDeclarationException(location, value, reason, registry().aliases());
	}

	private static String location(Class<?> type, Method method) {
		StringBuilder text = new StringBuilder(type.getName()).append('.').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			text.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return text.append(')').toString();
	}

	private static boolean isHttpExchange(Method method) {
		return HTTP_EXCHANGE != null && MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.isPresent(HTTP_EXCHANGE);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Class<? extends java.lang.annotation.Annotation> httpExchange() {
		try {
			return (Class<? extends java.lang.annotation.Annotation>) ClassUtils
				.forName("org.springframework.web.service.annotation.HttpExchange", WalletProjectResolver.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private record Found(String value) {
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

		private final BeanFactoryResolver beans;

		Spel(Expression expression, String value, String location) {
			this.expression = expression;
			this.value = value;
			this.location = location;
			this.beans = (WalletProjectResolver.this.beanFactory != null)
					? new BeanFactoryResolver(WalletProjectResolver.this.beanFactory) : null;
		}

		@Override
		public ResolvedProject select(Method method, @Nullable Object[] arguments, @Nullable Object target) {
			MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(
					new ExpressionRoot(method, arguments, target), method, (arguments != null) ? arguments : new Object[0],
					WalletProjectResolver.this.parameterNames);
			if (this.beans != null) {
				context.setBeanResolver(this.beans);
			}
			Object result;
			try {
				result = this.expression.getValue(context);
			}
			catch (EvaluationException ex) {
				throw new InvalidProjectException("@WalletProject(" + Texts.quote(this.value) + ") on " + this.location
						+ " failed to evaluate: " + ex.getMessage());
			}
			if (result instanceof ResolvedProject project) {
				return WalletProjectResolver.this.registry().resolve(project, "SpEL");
			}
			return WalletProjectResolver.this.registry().resolve((result instanceof Number || result == null) ? result
					: result.toString(), "@WalletProject(" + Texts.quote(this.value) + ") on " + this.location);
		}

	}

	/**
	 * The root object of {@code @WalletProject} SpEL templates: {@code #root.method},
	 * {@code #root.args}, {@code #root.target}. Arguments are also variables by name.
	 *
	 * @param method the invoked method
	 * @param args its arguments
	 * @param target the target object, or {@code null}
	 */
	public record ExpressionRoot(Method method, @Nullable Object[] args, @Nullable Object target) {
	}

}
