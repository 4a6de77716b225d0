package io.github.walletproject.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Pool}: what the signer relies on to keep a {@code Mac} to one thread at a time.
 */
class PoolTests {

	private final AtomicInteger made = new AtomicInteger();

	private final Pool<List<String>> pool = new Pool<>(() -> {
		this.made.incrementAndGet();
		return new ArrayList<>();
	});

	@Test
	void anObjectGivenBackIsTakenAgainOnTheSameThread() {
		List<String> first = this.pool.take();
		this.pool.give(first);
		assertThat(this.pool.take()).isSameAs(first);
		assertThat(this.made).hasValue(1);
	}

	@Test
	void anObjectInUseIsNeverHandedOutTwice() {
		List<String> first = this.pool.take();
		List<String> second = this.pool.take();
		assertThat(second).isNotSameAs(first);
		assertThat(this.made).hasValue(2);
	}

	@Test
	void anObjectThatIsNotGivenBackIsMadeAgain() {
		this.pool.take();
		this.pool.give(this.pool.take());
		this.pool.take();
		assertThat(this.made).hasValue(2);
	}

	/**
	 * Two threads whose ids pick the same slot (as thread ids modulo the slot count can) must
	 * not make a new keyed {@code Mac} per signature: an object given back to a full slot waits
	 * in another slot, and a thread that finds its own slot empty looks there first.
	 */
	@Test
	void aThreadWhoseSlotIsTakenUsesAnObjectWaitingInAnotherSlotBeforeMakingOne() {
		List<String> first = this.pool.take();
		List<String> second = this.pool.take();
		this.pool.give(first);
		this.pool.give(second);
		assertThat(List.of(this.pool.take(), this.pool.take())).containsExactlyInAnyOrder(first, second);
		assertThat(this.made).hasValue(2);
	}

}
