package io.github.walletproject.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.walletproject.WalletProject;
import io.github.walletproject.autoconfigure.Analyzers;
import io.github.walletproject.money.WalletBalance;
import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.support.TestApps;
import io.github.walletproject.test.MockWalletApi;
import io.github.walletproject.test.MockWalletApiExtension;
import io.github.walletproject.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.walletproject.test.MockWalletApiAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work a {@code @WalletProject} method hands back runs in the method's project in every shape
 * (issue 18, items 1 to 3): through a generic interface behind a JDK proxy, in a parallel read
 * of a stream built on an iterator, and as a primitive stream, an {@code Iterator}, an
 * {@code Iterable} or an {@code Optional} of lazy work. Shapes the starter cannot bind stop the
 * application. Every app here has a default project ({@code shop}, 1221), so a call that loses
 * its binding is sent, to the wrong project, instead of failing: the tests read the wire.
 */
@ExtendWith(MockWalletApiExtension.class)
class HandedBackWorkTests {

	private static final long MARKETPLACE = 1222;

	static MockWalletApi api;

	@BeforeAll
	static void fixtures(MockWalletApi mock) {
		api = TestApps.fixtures(mock);
	}

	@BeforeEach
	void clean() {
		api.reset();
	}

	private static ApplicationContextRunner runner() {
		return TestApps.runner(api)
			.withPropertyValues("paysera.wallet.access.source=configured", "paysera.wallet.default-project=shop");
	}

	private static void onlyMarketplace(int calls) {
		List<ReceivedRequest> requests = api.requests();
		assertThat(requests).extracting(ReceivedRequest::projectId).hasSize(calls).containsOnly(MARKETPLACE);
		assertThat(api).hasOnlyValidSignatures();
	}

	// ---- item 1: generic interfaces behind JDK proxies -----------------------------------------

	@Test
	@SuppressWarnings("unchecked")
	void lazyResultsOfGenericInterfacesBehindJdkProxiesRunInTheMethodsProject() throws Exception {
		runner().withPropertyValues("spring.aop.proxy-target-class=false")
			.withUserConfiguration(GenericQueries.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				Query<Stream<WalletBalance>> stream = context.getBean("marketQuery", Query.class);
				Query<Supplier<WalletBalance>> supplier = context.getBean("marketLater", Query.class);
				Query<Callable<WalletBalance>> inherited = context.getBean("inheritedQuery", Query.class);
				assertThat(AopUtils.isJdkDynamicProxy(stream)).isTrue();
				assertThat(AopUtils.isJdkDynamicProxy(supplier)).isTrue();
				assertThat(AopUtils.isJdkDynamicProxy(inherited)).isTrue();
				Stream<WalletBalance> balances = stream.run();
				Supplier<WalletBalance> later = supplier.run();
				Callable<WalletBalance> call = inherited.run();
				// nothing is bound here: every call below runs after its method returned
				assertThat(balances.toList()).hasSize(2);
				assertThat(later.get().currency("EUR")).isPresent();
				assertThat(call.call().currency("EUR")).isPresent();
				onlyMarketplace(4);
			});
	}

	// ---- item 2: a parallel read of a stream built on an iterator ------------------------------

	@Test
	void parallelReadsOfStreamsBuiltOnIteratorsRunInTheMethodsProject() {
		runner().withUserConfiguration(IteratorStreams.class).run(context -> {
			assertThat(context).hasNotFailed();
			Iterated market = context.getBean(Iterated.class);
			assertThat(market.fromIterator(6).parallel().toList()).hasSize(6);
			onlyMarketplace(6);
			api.reset();
			// the seed is fetched inside the method; the next pages when the stream is read
			assertThat(market.pages(6).parallel().toList()).hasSize(6);
			onlyMarketplace(6);
			api.reset();
			assertThat(market.fromIterable(6).parallel().toList()).hasSize(6);
			onlyMarketplace(6);
		});
	}

	// ---- item 3: other lazy shapes -------------------------------------------------------------

	@Test
	void primitiveStreamsIteratorsIterablesAndOptionalsOfLazyWorkRunInTheMethodsProject() {
		runner().withUserConfiguration(OtherShapes.class).run(context -> {
			assertThat(context).hasNotFailed();
			Shapes market = context.getBean(Shapes.class);
			WalletProjects wallet = context.getBean(WalletProjects.class);
			IntStream ints = market.ints();
			LongStream longs = market.longs();
			DoubleStream doubles = market.doubles();
			Iterator<WalletBalance> iterator = market.iterator();
			Iterable<WalletBalance> iterable = market.iterable();
			Optional<Supplier<WalletBalance>> optional = market.optional();
			Supplier<Stream<WalletBalance>> nested = market.nested();
			Stream<Supplier<WalletBalance>> suppliers = market.suppliers();
			Runnable runnable = market.runnable();
			Object declaredObject = market.declaredObject();
			Supplier<WalletBalance> fromTypeVariable = market.within(() -> () -> wallet.api().balance(2113));
			assertThat(ints.sum()).isEqualTo(2);
			assertThat(longs.sum()).isEqualTo(2);
			assertThat(doubles.sum()).isEqualTo(2.0);
			iterator.forEachRemaining(balance -> assertThat(balance.currency("EUR")).isPresent());
			iterable.forEach(balance -> assertThat(balance.currency("EUR")).isPresent());
			assertThat(iterable.iterator().next().currency("EUR")).isPresent();
			assertThat(optional.orElseThrow().get().currency("EUR")).isPresent();
			assertThat(nested.get().toList()).hasSize(2);
			assertThat(suppliers.map(Supplier::get).toList()).hasSize(2);
			runnable.run();
			assertThat(((Stream<?>) declaredObject).toList()).hasSize(2);
			assertThat(fromTypeVariable.get().currency("EUR")).isPresent();
			onlyMarketplace(2 + 2 + 2 + 2 + 2 + 1 + 1 + 2 + 2 + 1 + 2 + 1);
		});
	}

	@Test
	void functionalInterfacesTheStarterDoesNotBindStopTheApplicationNamingTheMethod() {
		runner().withUserConfiguration(UnbindableFunction.class).run(context -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(Functions.class.getName() + ".balanceOf()")
				.contains("it returns Function<Long, WalletBalance>; it would run its work after the method returned");
		});
	}

	@Test
	void lazyWorkInsideResultsTheStarterCannotBindStopsTheApplicationNamingTheMethod() {
		runner().withUserConfiguration(UnbindableShapes.class).run(context -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = Analyzers.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(ListOfSuppliers.class.getName() + ".later()")
				.contains("List<Supplier<WalletBalance>>")
				.contains("the Supplier<WalletBalance> inside it");
			assertThat(analysis.getAction()).contains("ProjectContext");
		});
	}

	// ---- results declared Object (or an unresolved type variable): decided when returned --------

	@Test
	@SuppressWarnings("unchecked")
	void lazyIteratorsAndIterablesReturnedAsObjectRunInTheMethodsProject() {
		runner().withUserConfiguration(UntypedShapes.class).run(context -> {
			assertThat(context).hasNotFailed();
			Untyped market = context.getBean(Untyped.class);
			WalletProjects wallet = context.getBean(WalletProjects.class);
			Iterator<WalletBalance> iterator = (Iterator<WalletBalance>) market.iterator();
			Iterable<WalletBalance> lambda = (Iterable<WalletBalance>) market.iterable();
			Iterable<WalletBalance> anonymous = (Iterable<WalletBalance>) market.pages();
			Iterator<WalletBalance> fromTypeVariable = market
				.within(() -> Stream.of(2113L).map(wallet.api()::balance).iterator());
			assertThat(api.requests()).as("nothing is read yet").isEmpty();
			// nothing is bound here: every call below runs after its method returned
			iterator.forEachRemaining(balance -> assertThat(balance.currency("EUR")).isPresent());
			lambda.forEach(balance -> assertThat(balance.currency("EUR")).isPresent());
			for (WalletBalance balance : anonymous) {
				assertThat(balance.currency("EUR")).isPresent();
			}
			assertThat(anonymous.iterator().next().currency("EUR")).isPresent();
			assertThat(fromTypeVariable.next().currency("EUR")).isPresent();
			onlyMarketplace(2 + 2 + 1 + 1 + 1);
		});
	}

	@Test
	void lazyWorkReturnedAsObjectThatCannotBeBoundFailsTheCallNamingTheMethodAndSendsNothing() {
		runner().withUserConfiguration(UntypedShapes.class).run(context -> {
			assertThat(context).hasNotFailed(); // declared Object: nothing to see at startup
			Untyped market = context.getBean(Untyped.class);
			refused(market::listIterator, "listIterator()", "ListIterator", "Iterator<T>");
			refused(market::intIterator, "intIterator()", "PrimitiveIterator", "Iterator<T>");
			refused(market::spliterator, "spliterator()", "Spliterator", "Stream");
			refused(market::future, "future()", "CompletableFuture", "@Async");
			refused(market::task, "task()", "FutureTask", "@Async");
			refused(market::flowPublisher, "flowPublisher()", "Publisher", "@Async");
			refused(market::publisher, "publisher()", "Publisher", "@Async");
			refused(market::function, "function()", "Function", "Supplier");
			assertThat(api.requests()).as("requests of refused work").isEmpty();
		});
	}

	private static void refused(Supplier<Object> call, String method, String shape, String fix) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(WalletProjectDeclarationException.class)
			.isThrownBy(call::get)
			.withMessageContaining(Untyped.class.getName() + "." + method)
			.withMessageContaining(shape)
			.withMessageContaining(fix);
	}

	@Test
	void finishedValuesReturnedAsObjectAreHandedBackAsTheyAre() {
		runner().withUserConfiguration(UntypedShapes.class).run(context -> {
			assertThat(context).hasNotFailed();
			Untyped market = context.getBean(Untyped.class);
			Finished finished = market.finished();
			assertThat(market.list()).isSameAs(finished.list());
			assertThat(market.map()).isSameAs(finished.map());
			assertThat(market.text()).isSameAs(finished.text());
			assertThat(market.record()).isSameAs(finished);
			// an eager Iterable that is not a Collection, and that callers cast to its own type
			assertThat(market.page()).isSameAs(finished.page());
			assertThat(((org.springframework.data.domain.Page<?>) market.page()).getTotalElements()).isEqualTo(2);
			assertThat(market.within(finished::page)).isSameAs(finished.page());
			assertThat(market.path()).isSameAs(finished.path());
			assertThat(api.requests()).isEmpty();
		});
	}

	// ---- fixtures ------------------------------------------------------------------------------

	interface Query<R> {

		R run();

	}

	@WalletProject("marketplace")
	static class MarketQuery implements Query<Stream<WalletBalance>> {

		private final WalletProjects wallet;

		MarketQuery(WalletProjects wallet) {
			this.wallet = wallet;
		}

		@Override
		public Stream<WalletBalance> run() {
			return Stream.of(2113L, 2113L).map(this.wallet.api()::balance);
		}

	}

	static class MarketLater implements Query<Supplier<WalletBalance>> {

		private final WalletProjects wallet;

		MarketLater(WalletProjects wallet) {
			this.wallet = wallet;
		}

		@Override
		@WalletProject("marketplace")
		public Supplier<WalletBalance> run() {
			return () -> this.wallet.api().balance(2113);
		}

	}

	abstract static class BaseQuery<R> implements Query<R> {

		@Override
		public R run() {
			return make();
		}

		abstract R make();

	}

	@WalletProject("marketplace")
	static class InheritedQuery extends BaseQuery<Callable<WalletBalance>> {

		private final WalletProjects wallet;

		InheritedQuery(WalletProjects wallet) {
			this.wallet = wallet;
		}

		@Override
		Callable<WalletBalance> make() {
			return () -> this.wallet.api().balance(2113);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GenericQueries {

		@Bean
		MarketQuery marketQuery(WalletProjects wallet) {
			return new MarketQuery(wallet);
		}

		@Bean
		MarketLater marketLater(WalletProjects wallet) {
			return new MarketLater(wallet);
		}

		@Bean
		InheritedQuery inheritedQuery(WalletProjects wallet) {
			return new InheritedQuery(wallet);
		}

	}

	@WalletProject("marketplace")
	static class Iterated {

		private final WalletProjects wallet;

		Iterated(WalletProjects wallet) {
			this.wallet = wallet;
		}

		public Stream<WalletBalance> fromIterator(int count) {
			return StreamSupport.stream(Spliterators.spliteratorUnknownSize(balances(count), Spliterator.ORDERED),
					false);
		}

		public Stream<WalletBalance> pages(int count) {
			int[] more = { count - 1 };
			return Stream.iterate(balance(), Objects::nonNull, page -> (more[0]-- > 0) ? balance() : null);
		}

		public Stream<WalletBalance> fromIterable(int count) {
			Iterable<WalletBalance> iterable = () -> balances(count);
			return StreamSupport.stream(iterable.spliterator(), false);
		}

		private Iterator<WalletBalance> balances(int count) {
			return new Iterator<>() {

				private int left = count;

				@Override
				public boolean hasNext() {
					return this.left > 0;
				}

				@Override
				public WalletBalance next() {
					this.left--;
					return balance();
				}

			};
		}

		private WalletBalance balance() {
			return this.wallet.api().balance(2113);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IteratorStreams {

		@Bean
		Iterated iterated(WalletProjects wallet) {
			return new Iterated(wallet);
		}

	}

	@WalletProject("marketplace")
	static class Shapes {

		private final WalletProjects wallet;

		Shapes(WalletProjects wallet) {
			this.wallet = wallet;
		}

		public IntStream ints() {
			return IntStream.range(0, 2).map(i -> one());
		}

		public LongStream longs() {
			return LongStream.range(0, 2).map(i -> one());
		}

		public DoubleStream doubles() {
			return DoubleStream.of(0, 0).map(i -> one());
		}

		public Iterator<WalletBalance> iterator() {
			return Stream.of(2113L, 2113L).map(this.wallet.api()::balance).iterator();
		}

		public Iterable<WalletBalance> iterable() {
			return () -> Stream.of(2113L, 2113L).map(this.wallet.api()::balance).iterator();
		}

		public Optional<Supplier<WalletBalance>> optional() {
			return Optional.of(() -> this.wallet.api().balance(2113));
		}

		public Supplier<Stream<WalletBalance>> nested() {
			return () -> Stream.of(2113L, 2113L).map(this.wallet.api()::balance);
		}

		public Stream<Supplier<WalletBalance>> suppliers() {
			return Stream.of(2113L, 2113L).map(id -> () -> this.wallet.api().balance(id));
		}

		public Runnable runnable() {
			return () -> this.wallet.api().balance(2113);
		}

		public Object declaredObject() {
			return Stream.of(2113L, 2113L).map(this.wallet.api()::balance);
		}

		public <T> T within(Supplier<T> work) {
			return work.get();
		}

		private int one() {
			return this.wallet.api().balance(2113).currency("EUR").isPresent() ? 1 : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherShapes {

		@Bean
		Shapes shapes(WalletProjects wallet) {
			return new Shapes(wallet);
		}

	}

	static class ListOfSuppliers {

		private final WalletProjects wallet;

		ListOfSuppliers(WalletProjects wallet) {
			this.wallet = wallet;
		}

		@WalletProject("marketplace")
		public List<Supplier<WalletBalance>> later() {
			List<Supplier<WalletBalance>> work = new ArrayList<>();
			work.add(() -> this.wallet.api().balance(2113));
			return work;
		}

	}

	@WalletProject("marketplace")
	static class Functions {

		private final WalletProjects wallet;

		Functions(WalletProjects wallet) {
			this.wallet = wallet;
		}

		public java.util.function.Function<Long, WalletBalance> balanceOf() {
			return this.wallet.api()::balance;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnbindableFunction {

		@Bean
		Functions functions(WalletProjects wallet) {
			return new Functions(wallet);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnbindableShapes {

		@Bean
		ListOfSuppliers listOfSuppliers(WalletProjects wallet) {
			return new ListOfSuppliers(wallet);
		}

	}

	record Finished(List<String> list, java.util.Map<String, Long> map, String text,
			org.springframework.data.domain.Page<String> page, java.nio.file.Path path) {
	}

	@WalletProject("marketplace")
	static class Untyped {

		private final WalletProjects wallet;

		private final Finished finished = new Finished(List.of("a", "b"), java.util.Map.of("a", 1L), "text",
				new org.springframework.data.domain.PageImpl<>(List.of("a", "b")), java.nio.file.Path.of("a", "b"));

		Untyped(WalletProjects wallet) {
			this.wallet = wallet;
		}

		public Finished finished() {
			return this.finished;
		}

		public Object iterator() {
			return Stream.of(2113L, 2113L).map(this.wallet.api()::balance).iterator();
		}

		public Object iterable() {
			return (Iterable<WalletBalance>) () -> Stream.of(2113L, 2113L).map(this.wallet.api()::balance).iterator();
		}

		public Object pages() {
			return new Iterable<WalletBalance>() {

				@Override
				public Iterator<WalletBalance> iterator() {
					return Stream.of(2113L).map(Untyped.this.wallet.api()::balance).iterator();
				}

			};
		}

		public Object listIterator() {
			return lazyList().listIterator();
		}

		public Object intIterator() {
			return IntStream.range(0, 2).map(i -> one()).iterator();
		}

		public Object spliterator() {
			return Stream.of(2113L).map(this.wallet.api()::balance).spliterator();
		}

		public Object future() {
			return new java.util.concurrent.CompletableFuture<WalletBalance>();
		}

		public Object task() {
			return new java.util.concurrent.FutureTask<>(() -> this.wallet.api().balance(2113));
		}

		public Object flowPublisher() {
			return (java.util.concurrent.Flow.Publisher<WalletBalance>) subscriber -> this.wallet.api().balance(2113);
		}

		public Object publisher() {
			return (org.reactivestreams.Publisher<WalletBalance>) subscriber -> this.wallet.api().balance(2113);
		}

		public Object function() {
			return (java.util.function.Function<Long, WalletBalance>) this.wallet.api()::balance;
		}

		public Object list() {
			return this.finished.list();
		}

		public Object map() {
			return this.finished.map();
		}

		public Object text() {
			return this.finished.text();
		}

		public Object record() {
			return this.finished;
		}

		public Object page() {
			return this.finished.page();
		}

		public Object path() {
			return this.finished.path();
		}

		public <T> T within(Supplier<T> work) {
			return work.get();
		}

		private List<WalletBalance> lazyList() {
			return new java.util.AbstractList<>() {

				@Override
				public WalletBalance get(int index) {
					return Untyped.this.wallet.api().balance(2113);
				}

				@Override
				public int size() {
					return 2;
				}

			};
		}

		private int one() {
			return this.wallet.api().balance(2113).currency("EUR").isPresent() ? 1 : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UntypedShapes {

		@Bean
		Untyped untyped(WalletProjects wallet) {
			return new Untyped(wallet);
		}

	}

}
