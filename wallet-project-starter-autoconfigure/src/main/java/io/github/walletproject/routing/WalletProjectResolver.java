package io.github.walletproject.routing;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.walletproject.WalletProject;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.Assert;

/**
 * Finds {@code @WalletProject} and turns its value into a {@link ProjectSelector}. For a
 * service bean: the method first, then its class (merged annotations, so meta-annotations
 * work; through interfaces and superclasses). For an {@code @HttpExchange} interface: the
 * method's own annotation, or the annotation of the service type it is called through.
 * <p>
 * Everything that can be checked is checked when a class is first seen (at startup, when its
 * bean is proxied): unknown aliases, malformed ids, unresolvable placeholders, unparsable
 * SpEL, conflicting annotations, and results whose work would run after the binding is gone
 * ({@link LazyResults}). Results are cached per method and class.
 */
final class WalletProjectResolver {

	private static final ProjectSelector NONE = (method, arguments, target) -> {
		throw new IllegalStateException("not annotated");
	};

	private static final @Nullable Class<? extends Annotation> HTTP_EXCHANGE = annotation(
			"org.springframework.web.service.annotation.HttpExchange");

	private final ProjectSelectors selectors;

	private final Map<MethodClassKey, ProjectSelector> cache = new ConcurrentHashMap<>();

	private final Map<MethodClassKey, AnnotatedMethod> methods = new ConcurrentHashMap<>();

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
		Assert.notNull(registry, "Registry must not be null");
		this.selectors = new ProjectSelectors(registry, environment, beanFactory);
	}

	/**
	 * Create a resolver over a registry.
	 * @param registry the configured projects
	 */
	public WalletProjectResolver(ProjectRegistry registry) {
		this(() -> registry, null, null);
	}

	/**
	 * Whether calls of {@code method} on {@code targetClass} are routed by an annotation.
	 * The first call for a class checks every annotated method of the class.
	 * @param method the method
	 * @param targetClass the target class
	 * @return {@code true} when annotated
	 */
	public boolean isAnnotated(Method method, @Nullable Class<?> targetClass) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return isAnnotatedAtBuildTime(method, targetClass);
		}
		if (targetClass != null && !isCandidate(targetClass)) {
			return false;
		}
		return annotated(method, targetClass) != null;
	}

	/**
	 * Spring AOT processing only decides at build time which beans get a proxy class: values
	 * are resolved and checked when the processed application starts, with the configuration
	 * it runs with (the build may have no credentials or projects, and creating the registry
	 * then would bind no properties).
	 */
	private static boolean isAnnotatedAtBuildTime(Method method, @Nullable Class<?> targetClass) {
		Class<?> userClass = (targetClass != null) ? ClassUtils.getUserClass(targetClass) : method.getDeclaringClass();
		return mentionsWalletProject(userClass) && !isHttpExchange(method)
				&& !isHttpExchange(ClassUtils.getMostSpecificMethod(method, userClass));
	}

	private boolean isCandidate(Class<?> targetClass) {
		// get and put, not computeIfAbsent: checking may create beans that are proxied in turn
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

	/**
	 * Whether a class, its methods or its interfaces carry {@code @WalletProject}.
	 * @param type the class
	 * @return {@code true} when annotated anywhere
	 */
	public static boolean mentionsWalletProject(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, WalletProject.class)) {
			return false;
		}
		if (MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).isPresent(WalletProject.class)) {
			return true;
		}
		boolean[] found = new boolean[1];
		ReflectionUtils.doWithMethods(type, method -> found[0] = true, method -> !found[0]
				&& MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY).isPresent(WalletProject.class));
		return found[0];
	}

	/**
	 * How calls of a method of a target class are routed, and how its results are handed back.
	 * @param method the invoked method
	 * @param targetClass the target class
	 * @return the routing, or {@code null} when the method is not annotated
	 */
	@Nullable AnnotatedMethod annotated(Method method, @Nullable Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		// get and put, not computeIfAbsent: resolving may create the registry and other beans
		AnnotatedMethod annotated = this.methods.get(key);
		if (annotated == null) {
			annotated = compute(method, targetClass);
			this.methods.put(key, annotated);
		}
		return (annotated != AnnotatedMethod.NONE) ? annotated : null;
	}

	/**
	 * The selector of an {@code @HttpExchange} method's own annotation (the same whatever
	 * interface it is called through).
	 * @param method the interface method
	 * @return the selector, or {@code null} when the method itself is not annotated
	 */
	@Nullable ProjectSelector methodSelector(Method method) {
		return cached(new MethodClassKey(method, null), () -> {
			Found found = find(method, location(method.getDeclaringClass(), method));
			return (found != null) ? this.selectors.create(found.value(), found.location()) : NONE;
		});
	}

	/**
	 * The selector of an {@code @HttpExchange} service type's own annotation, or of the
	 * interfaces it extends.
	 * @param serviceType the interface a client is created for
	 * @return the selector, or {@code null} when the type is not annotated
	 */
	@Nullable ProjectSelector typeSelector(Class<?> serviceType) {
		return cached(new MethodClassKey(TYPE_MARKER, serviceType), () -> {
			Found found = find(serviceType, serviceType.getName());
			return (found != null) ? this.selectors.create(found.value(), found.location()) : NONE;
		});
	}

	private @Nullable ProjectSelector cached(MethodClassKey key, Supplier<ProjectSelector> compute) {
		// get and put, not computeIfAbsent: resolving may create the registry and other beans
		ProjectSelector selector = this.cache.get(key);
		if (selector == null) {
			selector = compute.get();
			this.cache.put(key, selector);
		}
		return (selector != NONE) ? selector : null;
	}

	/**
	 * Check every annotation of an {@code @HttpExchange} service type now (at startup).
	 * @param serviceType the interface
	 */
	public void checkHttpService(Class<?> serviceType) {
		typeSelector(serviceType);
		for (Method method : serviceType.getMethods()) {
			methodSelector(method);
		}
	}

	WalletProjectDeclarationException unproxied(String beans) {
		return this.selectors.declaration(beans, "", "these beans are not proxied, so the annotation would be "
				+ "ignored: no auto-proxy creator is registered.", "Set spring.aop.auto=true (the default, with "
						+ "spring-boot-starter-aspectj or spring-aop on the classpath), add @EnableAspectJAutoProxy, or "
						+ "route those calls with ProjectContext instead of @WalletProject.");
	}

	private void checkClass(Class<?> targetClass) {
		ReflectionUtils.doWithMethods(ClassUtils.getUserClass(targetClass), method -> annotated(method, targetClass),
				method -> !method.isSynthetic() && !method.isBridge() && method.getDeclaringClass() != Object.class);
	}

	private AnnotatedMethod compute(Method method, @Nullable Class<?> targetClass) {
		Class<?> userClass = (targetClass != null) ? ClassUtils.getUserClass(targetClass) : method.getDeclaringClass();
		// the method that runs, never a bridge: its generic return type says what the result is
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		if (isHttpExchange(specific) || isHttpExchange(method)) {
			return AnnotatedMethod.NONE; // routed per request by the HTTP service support
		}
		String location = location(userClass, specific);
		Found found = find(specific, location);
		if (found == null && specific != method) {
			found = find(method, location);
		}
		if (found == null) {
			found = find(userClass, userClass.getName());
		}
		if (found == null) {
			return AnnotatedMethod.NONE;
		}
		ResultBinding results = LazyResults.binding(specific, userClass, found.value(), location, this.selectors);
		return new AnnotatedMethod(this.selectors.create(found.value(), location), results);
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
			throw this.selectors.declaration(location, String.join("|", values), "it carries " + values.size()
					+ " @WalletProject annotations (directly or as meta-annotations) with different values " + values
					+ "; keep one.");
		}
		return new Found(nearest.getString("value"), location);
	}

	static String location(Class<?> type, Method method) {
		StringBuilder text = new StringBuilder(type.getName()).append('.').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			text.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return text.append(')').toString();
	}

	private static boolean isHttpExchange(Method method) {
		return HTTP_EXCHANGE != null
				&& MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY).isPresent(HTTP_EXCHANGE);
	}

	@SuppressWarnings("unchecked")
	static @Nullable Class<? extends Annotation> annotation(String name) {
		try {
			return (Class<? extends Annotation>) ClassUtils.forName(name, WalletProjectResolver.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/** Stands for "the type itself" in cache keys of type-level selectors. */
	private static final Method TYPE_MARKER = ReflectionUtils.findMethod(Object.class, "getClass");

	private record Found(String value, String location) {
	}

	/**
	 * An annotated method of a class: how its calls choose their project, and how its results
	 * are handed back. Both are decided from the same (most specific) method.
	 *
	 * @param selector chooses the project of each call
	 * @param results binds the work its result carries
	 */
	record AnnotatedMethod(ProjectSelector selector, ResultBinding results) {

		static final AnnotatedMethod NONE = new AnnotatedMethod(WalletProjectResolver.NONE, ResultBinding.AS_IS);

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
