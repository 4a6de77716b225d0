package io.github.walletproject.autoconfigure;

import java.util.concurrent.Executor;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor the starter owns for {@code WalletFanOut} tasks: a new virtual thread per task
 * on Java 21+, otherwise a pool of daemon threads that grows with concurrent fan-outs and
 * shrinks when idle (each call bounds its own tasks). Closed with the application context
 * (no fan-out call outlives its deadline, so nothing is waited for). Not an {@link Executor}
 * bean itself, so it never stands in for the application's task executor.
 */
final class WalletFanOutExecutor implements AutoCloseable {

	static final String THREAD_NAME_PREFIX = "wallet-fan-out-";

	private final Executor executor;

	private final AutoCloseable closer;

	private WalletFanOutExecutor(Executor executor, AutoCloseable closer) {
		this.executor = executor;
		this.closer = closer;
	}

	static WalletFanOutExecutor create(int concurrency) {
		if (Runtime.version().feature() >= 21) {
			SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX);
			virtual.setVirtualThreads(true);
			return new WalletFanOutExecutor(virtual, virtual);
		}
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setThreadNamePrefix(THREAD_NAME_PREFIX);
		pool.setDaemon(true);
		pool.setCorePoolSize(concurrency);
		pool.setAllowCoreThreadTimeOut(true);
		pool.setKeepAliveSeconds(60);
		pool.setQueueCapacity(0);
		pool.setMaxPoolSize(Integer.MAX_VALUE);
		pool.setWaitForTasksToCompleteOnShutdown(false);
		pool.initialize();
		return new WalletFanOutExecutor(pool, pool::shutdown);
	}

	Executor executor() {
		return this.executor;
	}

	boolean virtualThreads() {
		return this.executor instanceof SimpleAsyncTaskExecutor;
	}

	@Override
	public void close() throws Exception {
		this.closer.close();
	}

}
