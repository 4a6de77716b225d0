package io.github.walletproject.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.walletproject.CredentialsContextThreadLocalAccessor;
import io.github.walletproject.ProjectContextThreadLocalAccessor;
import io.github.walletproject.WalletProject;
import io.github.walletproject.access.AccessibleProjects;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.client.ClientInfo;
import io.github.walletproject.client.Project;
import io.github.walletproject.money.ProjectLocations;
import io.github.walletproject.money.WalletAllowances;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.money.WalletPayments;
import io.github.walletproject.money.WalletTransactions;
import io.github.walletproject.money.WalletUsers;
import io.github.walletproject.money.Wallets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.util.Converter;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What the starter reaches at run time by reflection, JDK serialization and resource lookup,
 * registered for Spring AOT (and so for GraalVM native images) through
 * {@code META-INF/spring/aot.factories}:
 * <ul>
 * <li>the records and enums bound from and to JSON: the client models, every type the money
 * HTTP interfaces take or return, and what their Jackson annotations name: the parameters of
 * their {@code @JsonCreator} factories and the wire forms of their write-side converters;</li>
 * <li>the root object of {@code @WalletProject} SpEL templates, the annotation itself, and the
 * optional types routing looks up by name;</li>
 * <li>what a shared access cache stores with JDK serialization;</li>
 * <li>the context-propagation service file.</li>
 * </ul>
 * Spring registers the rest itself: the JDK proxies of HTTP interfaces, the configuration
 * properties, the bean classes and proxies of the application context. The argument types
 * of {@code @WalletProject} SpEL templates are registered per bean by
 * {@code routing.WalletProjectAotProcessor}.
 */
final class WalletRuntimeHints implements RuntimeHintsRegistrar {

	private static final String PACKAGE = "io.github.walletproject.";

	/** Models of the client package bound from JSON, or handed to applications that render them. */
	static final List<Class<?>> CLIENT_MODELS = List.of(Project.class, ClientInfo.class, WalletBalance.class);

	/** The client package's own wire forms (package-private). */
	static final List<String> CLIENT_WIRE_FORMS = List.of(PACKAGE + "client.InternalWalletApi$ServerTimeJson",
			PACKAGE + "oauth.WalletOAuthClient$TokenJson");

	/** The HTTP interfaces of the money package: whatever they take or return is bound. */
	static final List<Class<?>> MONEY_SERVICES = List.of(WalletTransactions.class, WalletPayments.class,
			WalletAllowances.class, Wallets.class, ProjectLocations.class, WalletUsers.class);

	/** Optional types that routing looks up by name, to recognise them when present. */
	static final List<String> OPTIONAL_TYPES = List.of("org.springframework.web.service.annotation.HttpExchange",
			"org.reactivestreams.Publisher", "kotlinx.coroutines.flow.Flow");

	/** What a shared cache level stores: entries of access lists and project details. */
	static final List<Class<?>> SERIALIZED = List.of(RefreshingCache.Entry.class, AccessibleProjects.class,
			Project.class, Number.class, Long.class, String.class, long[].class);

	/** The JDK's immutable lists ({@code List.copyOf}) and the form they are serialized in. */
	static final List<String> SERIALIZED_JDK = List.of("java.util.CollSer", "java.util.ImmutableCollections$List12",
			"java.util.ImmutableCollections$ListN");

	/** The root object of {@code @WalletProject} SpEL templates (package-private in routing). */
	static final TypeReference EXPRESSION_ROOT = TypeReference.of(PACKAGE + "routing.WalletProjectResolver$ExpressionRoot");

	static final String JSON_CREATOR = "com.fasterxml.jackson.annotation.JsonCreator";

	static final String JDBC_SCHEMA = "io/github/walletproject/oauth/schema-*.sql";

	static final String THREAD_LOCAL_ACCESSOR = "io.micrometer.context.ThreadLocalAccessor";

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		registerJson(hints.reflection(), classLoader);
		registerRouting(hints.reflection(), classLoader);
		registerSerialization(hints.reflection());
		// the renamed properties, checked at startup
		hints.resources().registerPattern(RenamedProperties.ADDITIONAL_METADATA);
		hints.resources().registerPattern(RenamedProperties.METADATA);
		// the JDBC token store's schema scripts, run by its initializer (token-store: jdbc)
		hints.resources().registerPattern(JDBC_SCHEMA);
		if (ClassUtils.isPresent(THREAD_LOCAL_ACCESSOR, classLoader)) {
			hints.resources().registerPattern("META-INF/services/" + THREAD_LOCAL_ACCESSOR);
			hints.reflection()
				.registerType(ProjectContextThreadLocalAccessor.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)
				.registerType(CredentialsContextThreadLocalAccessor.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

	private void registerJson(ReflectionHints reflection, @Nullable ClassLoader classLoader) {
		Set<Type> types = new LinkedHashSet<>(CLIENT_MODELS);
		CLIENT_WIRE_FORMS.forEach(name -> types.add(ClassUtils.resolveClassName(name, classLoader)));
		for (Class<?> service : MONEY_SERVICES) {
			for (Method method : service.getMethods()) {
				types.add(method.getGenericReturnType());
				types.addAll(List.of(method.getGenericParameterTypes()));
			}
		}
		types.addAll(converterForms(types, classLoader));
		this.bindings.registerReflectionHints(reflection, types.toArray(Type[]::new));
	}

	/**
	 * What the Jackson annotations of the starter's types name beyond their properties: the
	 * parameter types of {@code @JsonCreator} factories (a record read from its wire fields) and
	 * the other form of {@code @JsonSerialize} converters (a request written in its wire form).
	 * Followed from every type reached from the roots, and from those forms, until no new type
	 * turns up.
	 * @param roots the types bound
	 * @param classLoader the class loader
	 * @return the forms reached through the annotations
	 */
	private Set<Type> converterForms(Set<Type> roots, @Nullable ClassLoader classLoader) {
		ReflectionHints reached = new ReflectionHints();
		this.bindings.registerReflectionHints(reached, roots.toArray(Type[]::new));
		Set<Type> forms = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		boolean added = true;
		while (added) {
			added = false;
			for (TypeHint hint : reached.typeHints().toList()) {
				String name = hint.getType().getName();
				if (!name.startsWith(PACKAGE) || !seen.add(name)) {
					continue;
				}
				Class<?> type = ClassUtils.resolveClassName(name, classLoader);
				List<Type> named = converterForms(type);
				named.addAll(creatorParameters(type));
				for (Type form : named) {
					if (forms.add(form)) {
						this.bindings.registerReflectionHints(reached, form);
						added = true;
					}
				}
			}
		}
		return forms;
	}

	/** The parameter types of a type's {@code @JsonCreator} factories and constructors. */
	private static List<Type> creatorParameters(Class<?> type) {
		List<Type> parameters = new ArrayList<>();
		List<java.lang.reflect.Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
		executables.addAll(List.of(type.getDeclaredConstructors()));
		for (java.lang.reflect.Executable executable : executables) {
			if (MergedAnnotations.from(executable).isPresent(JSON_CREATOR)) {
				for (Type parameter : executable.getGenericParameterTypes()) {
					addResolved(ResolvableType.forType(parameter), parameters);
				}
			}
		}
		return parameters;
	}

	private static List<Type> converterForms(Class<?> type) {
		List<Type> forms = new ArrayList<>();
		MergedAnnotations.from(type)
			.stream()
			.filter(annotation -> annotation.isDirectlyPresent() && isJackson(annotation))
			.forEach(annotation -> annotation.asMap().values().forEach(value -> {
				if (value instanceof Class<?> converter && Converter.class.isAssignableFrom(converter)) {
					for (ResolvableType form : ResolvableType.forClass(converter).as(Converter.class).getGenerics()) {
						addResolved(form, forms);
					}
				}
			}));
		return forms;
	}

	/** A form such as {@code LinkedHashMap<String, FundsIn>}: the classes it names. */
	private static void addResolved(ResolvableType form, List<Type> forms) {
		Class<?> resolved = form.resolve();
		if (resolved != null && resolved != Object.class) {
			forms.add(resolved);
		}
		for (ResolvableType generic : form.getGenerics()) {
			addResolved(generic, forms);
		}
	}

	private static boolean isJackson(MergedAnnotation<?> annotation) {
		String name = annotation.getType().getName();
		return name.startsWith("tools.jackson.") || name.startsWith("com.fasterxml.jackson.");
	}

	private static void registerRouting(ReflectionHints reflection, @Nullable ClassLoader classLoader) {
		// #root.method, #root.args, #root.target in @WalletProject("#{...}")
		reflection.registerType(EXPRESSION_ROOT, MemberCategory.INVOKE_PUBLIC_METHODS);
		// its attributes are read through merged annotations
		reflection.registerType(WalletProject.class, MemberCategory.INVOKE_DECLARED_METHODS);
		// the resolver keys type-level selectors with Object#getClass, looked up by name
		Method getClass = ReflectionUtils.findMethod(Object.class, "getClass");
		if (getClass != null) {
			reflection.registerMethod(getClass, ExecutableMode.INVOKE);
		}
		OPTIONAL_TYPES.forEach(name -> reflection.registerTypeIfPresent(classLoader, name));
	}

	private static void registerSerialization(ReflectionHints reflection) {
		SERIALIZED.forEach(reflection::registerJavaSerialization);
		SERIALIZED_JDK.forEach(name -> reflection.registerType(TypeReference.of(name),
				type -> type.withJavaSerialization(true)));
	}

}
