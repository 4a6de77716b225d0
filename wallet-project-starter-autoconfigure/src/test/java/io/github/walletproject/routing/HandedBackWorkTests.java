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

}
