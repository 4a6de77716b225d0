package io.github.walletproject.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.walletproject.ProjectContextThreadLocalAccessor;
import io.github.walletproject.WalletProject;
import io.github.walletproject.access.AccessibleProjects;
import io.github.walletproject.access.RefreshingCache;
import io.github.walletproject.client.ClientHost;
import io.github.walletproject.client.ClientInfo;
import io.github.walletproject.client.Project;
import io.github.walletproject.money.Allowance;
import io.github.walletproject.money.CurrencyFunds;
import io.github.walletproject.money.Location;
import io.github.walletproject.money.Payment;
import io.github.walletproject.money.PaymentItem;
import io.github.walletproject.money.PaymentStatus;
import io.github.walletproject.money.Statement;
import io.github.walletproject.money.StatementParty;
import io.github.walletproject.money.Transaction;
import io.github.walletproject.money.TransactionRequest;
import io.github.walletproject.money.User;
import io.github.walletproject.money.Wallet;
import io.github.walletproject.money.WalletAccount;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.money.WalletIdentifier;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.service.annotation.HttpExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints {@link WalletRuntimeHints} registers, group by group, checked with
 * {@link RuntimeHintsPredicates} on the registrar Spring AOT loads from
 * {@code META-INF/spring/aot.factories}.
 */
class WalletRuntimeHintsTests {

	private static final ClassLoader CLASS_LOADER = WalletRuntimeHintsTests.class.getClassLoader();

	private static final ReflectionHintsPredicates REFLECTION = RuntimeHintsPredicates.reflection();

	private final RuntimeHints hints = registeredHints();

	private static RuntimeHints registeredHints() {
		List<RuntimeHintsRegistrar> ours = AotServices.factories(CLASS_LOADER)
			.load(RuntimeHintsRegistrar.class)
			.stream()
			.filter(WalletRuntimeHints.class::isInstance)
			.toList();
		assertThat(ours).as("WalletRuntimeHints in META-INF/spring/aot.factories").hasSize(1);
		RuntimeHints hints = new RuntimeHints();
		ours.get(0).registerHints(hints, CLASS_LOADER);
		return hints;
	}

	// ---- JSON ---------------------------------------------------------------------------------

	@Test
	void clientModelsAndTheirNestedRecordsAndJsonCreatorFactoriesAreBound() throws Exception {
		for (Class<?> type : List.of(Project.class, ClientInfo.class, ClientInfo.WalletPermission.class,
				ClientHost.class, WalletBalance.class, CurrencyFunds.class,
				type("client.InternalWalletApi$ServerTimeJson"))) {
			assertBound(type);
		}
		assertThat(invoked(ClientInfo.class, "fromJson")).isTrue();
		assertThat(invoked(ClientInfo.WalletPermission.class, "fromJson")).isTrue();
		assertThat(invoked(ClientHost.class, "fromJson")).isTrue();
	}

	@Test
	void moneyRecordsTheirJsonCreatorFactoriesAndTheWireFormsTheyNameAreBound() throws Exception {
		// what the HTTP interfaces take and return, and what those records contain
		for (Class<?> type : List.of(Payment.class, PaymentItem.class, TransactionRequest.class, WalletBalance.class,
				WalletIdentifier.class)) {
			assertBound(type);
		}
		// reached only through the parameters of @JsonCreator factories and the type parameters of
		// @JsonSerialize converters
		for (String wireForm : List.of("PaymentItem$ItemJson", "PaymentJson$Out", "TransactionJson$Out",
				"CurrencyFunds$FundsJson", "Allowance$LimitJson", "Transaction$AllowanceJson", "Transaction$ReserveJson",
				"LocationJson$HoursJson", "LocationJson$PriceJson", "AllowanceJson$LimitOut")) {
			assertBound(type("money." + wireForm));
		}
		for (Class<?> record : List.of(WalletIdentifier.class, Payment.class, WalletBalance.class, Transaction.class,
				Allowance.class, Statement.class, StatementParty.class, Location.class, User.class, Wallet.class,
				WalletAccount.class)) {
			assertThat(invoked(record, "fromJson")).as("%s.fromJson", record.getSimpleName()).isTrue();
		}
	}

	@Test
	void enumsAreBoundWithTheirJsonCreatorAndJsonValueMethods() {
		assertThat(REFLECTION.onType(PaymentStatus.class)).accepts(this.hints);
		assertThat(invoked(PaymentStatus.class, "fromWireValue")).as("@JsonCreator").isTrue();
		assertThat(invoked(PaymentStatus.class, "wireValue")).as("@JsonValue").isTrue();
	}

	@Test
	void everyTypeOfTheStarterThatCarriesJacksonAnnotationsIsBound() throws Exception {
		List<Class<?>> annotated = jacksonAnnotatedTypes();
		assertThat(annotated).as("scan found the JSON types").hasSizeGreaterThan(30);
		for (Class<?> type : annotated) {
			assertBound(type);
			for (Executable executable : executables(type)) {
				if (hasJacksonAnnotation(executable)) {
					assertThat((executable instanceof Method method) ? REFLECTION.onMethodInvocation(method)
							: REFLECTION.onConstructorInvocation((Constructor<?>) executable))
						.as("%s (Jackson-annotated)", executable)
						.accepts(this.hints);
				}
			}
		}
	}

	@Test
	void everyHttpInterfaceOfTheStarterIsARootOfTheJsonHints() throws Exception {
		List<Class<?>> interfaces = starterClasses().stream()
			.filter(type -> type.isInterface() && Stream.of(type.getMethods())
				.anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class)))
			.toList();
		assertThat(interfaces).isNotEmpty();
		assertThat(WalletRuntimeHints.MONEY_SERVICES).containsExactlyInAnyOrderElementsOf(interfaces);
	}

	// ---- routing --------------------------------------------------------------------------------

	@Test
	void theSpelRootTheAnnotationAndTheTypesRoutingLooksUpAreRegistered() throws Exception {
		assertThat(REFLECTION.onType(WalletRuntimeHints.EXPRESSION_ROOT)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
		for (String accessor : List.of("method", "args", "target")) {
			assertThat(invoked(type("routing.WalletProjectResolver$ExpressionRoot"), accessor)).as("#root.%s", accessor).isTrue();
		}
		assertThat(REFLECTION.onType(WalletProject.class).withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS))
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(ReflectionUtils.findMethod(Object.class, "getClass")))
			.as("the resolver's type marker")
			.accepts(this.hints);
		for (String name : WalletRuntimeHints.OPTIONAL_TYPES) {
			boolean registered = REFLECTION.onType(TypeReference.of(name)).test(this.hints);
			assertThat(registered).as("%s registered exactly when present", name)
				.isEqualTo(ClassUtils.isPresent(name, CLASS_LOADER));
		}
		assertThat(REFLECTION.onType(TypeReference.of("org.springframework.web.service.annotation.HttpExchange")))
			.accepts(this.hints);
	}

	// ---- JDK serialization to a shared cache ---------------------------------------------------

	@Test
	void everyClassInASerializedCacheEntryIsRegisteredForJavaSerialization() throws IOException {
		Project shop = new Project(1221, "Shop", "The e-shop", 2112L, "Owner");
		Project market = new Project(1222, "Market", null, null, null);
		Project side = new Project(1230, "Side", null, 2130L, null);
		List<Class<?>> written = new ArrayList<>();
		for (List<Project> projects : List.of(List.of(shop), List.of(shop, market, side))) {
			written.addAll(serializedClasses(new RefreshingCache.Entry<>(new AccessibleProjects(projects), 1L, 0, null)));
		}
		written.addAll(serializedClasses(new RefreshingCache.Entry<>(shop, 1L, 0, null)));

		assertThat(written).contains(RefreshingCache.Entry.class, AccessibleProjects.class, Project.class,
				long[].class);
		for (Class<?> type : written) {
			assertThat(REFLECTION.onJavaSerialization(type, true)).as("%s in the stream", type.getName())
				.accepts(this.hints);
		}
	}

	// ---- resources ----------------------------------------------------------------------------

	@Test
	void theContextPropagationServiceFileAndItsAccessorAreRegistered() throws Exception {
		String serviceFile = "META-INF/services/io.micrometer.context.ThreadLocalAccessor";
		assertThat(CLASS_LOADER.getResource(serviceFile)).as("the starter ships it").isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(serviceFile)).accepts(this.hints);
		assertThat(REFLECTION.onConstructorInvocation(ProjectContextThreadLocalAccessor.class.getConstructor()))
			.accepts(this.hints);
	}

	@Test
	void theJdbcTokenStoresSchemaScriptsAreRegistered() {
		for (String platform : List.of("h2", "postgresql", "mysql", "mariadb", "oracle", "sqlserver")) {
			String script = "io/github/walletproject/oauth/schema-" + platform + ".sql";
			assertThat(CLASS_LOADER.getResource(script)).as(script).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(script)).accepts(this.hints);
		}
	}

	@Test
	void theMetadataDeclaringTheRenamedPropertiesIsRegistered() {
		String metadata = "META-INF/additional-spring-configuration-metadata.json";
		assertThat(CLASS_LOADER.getResource(metadata)).as("the starter ships it").isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(metadata)).accepts(this.hints);
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** Bound as Jackson needs it: the type, a record's canonical constructor and accessors. */
	private void assertBound(Class<?> type) throws NoSuchMethodException {
		assertThat(REFLECTION.onType(type)).as("%s registered", type.getName()).accepts(this.hints);
		if (type.isRecord()) {
			Class<?>[] parameters = Stream.of(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			assertThat(REFLECTION.onConstructorInvocation(type.getDeclaredConstructor(parameters)))
				.as("%s canonical constructor", type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(REFLECTION.onMethodInvocation(component.getAccessor()))
					.as("%s.%s()", type.getName(), component.getName())
					.accepts(this.hints);
			}
		}
	}

	private boolean invoked(Class<?> type, String methodName) {
		return Stream.of(type.getDeclaredMethods())
			.filter(method -> method.getName().equals(methodName))
			.anyMatch(method -> REFLECTION.onMethodInvocation(method).test(this.hints));
	}

	private static Class<?> type(String name) throws ClassNotFoundException {
		return ClassUtils.forName("io.github.walletproject." + name, CLASS_LOADER);
	}

	private static List<Class<?>> serializedClasses(Object value) throws IOException {
		List<Class<?>> classes = new ArrayList<>();
		try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
			@Override
			protected void annotateClass(Class<?> type) {
				classes.add(type);
			}
		}) {
			out.writeObject(value);
		}
		return classes;
	}

	/** Every class of the starter's main code with a Jackson annotation on it or its members. */
	private static List<Class<?>> jacksonAnnotatedTypes() throws Exception {
		return starterClasses().stream()
			.filter(type -> hasJacksonAnnotation(type)
					|| Stream.of(type.getDeclaredFields()).anyMatch(WalletRuntimeHintsTests::hasJacksonAnnotation)
					|| executables(type).stream().anyMatch(WalletRuntimeHintsTests::hasJacksonAnnotation))
			.toList();
	}

	/** The classes of the starter's main code (not the tests, not the test kit). */
	private static List<Class<?>> starterClasses() throws Exception {
		Set<Class<?>> types = new LinkedHashSet<>();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(CLASS_LOADER);
		String root = WalletRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation().toString();
		for (Resource resource : new PathMatchingResourcePatternResolver(CLASS_LOADER)
			.getResources("classpath*:io/github/walletproject/**/*.class")) {
			if (resource.getURL().toString().startsWith(root)) {
				types.add(ClassUtils.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName(),
						CLASS_LOADER));
			}
		}
		return new ArrayList<>(types);
	}

	private static List<Executable> executables(Class<?> type) {
		List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
		executables.addAll(List.of(type.getDeclaredConstructors()));
		return executables;
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		if (Stream.of(element.getDeclaredAnnotations()).anyMatch(WalletRuntimeHintsTests::isJackson)) {
			return true;
		}
		return element instanceof Executable executable && Stream.of(executable.getParameterAnnotations())
			.flatMap(Stream::of)
			.anyMatch(WalletRuntimeHintsTests::isJackson);
	}

	private static boolean isJackson(Annotation annotation) {
		String name = annotation.annotationType().getName();
		return name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
	}

}
