package io.github.walletproject.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ServerTimeOffset}: the timestamp a request is signed with is the server's time, in
 * whole seconds, once the server's clock has been read.
 */
class ServerTimeOffsetTests {

	@Test
	void beforeAnyMeasurementRequestsAreSignedWithTheLocalTimeInWholeSeconds() {
		ServerTimeOffset offset = new ServerTimeOffset(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_999L), ZoneOffset.UTC));
		assertThat(offset.timestamp()).isEqualTo(1_700_000_000L);
		assertThat(offset.seconds()).isZero();
		assertThat(offset.isSynced()).isFalse();
		assertThat(offset.version()).isZero();
	}

	@Test
	void afterTheServerClockIsReadRequestsAreSignedWithTheServerTime() {
		ServerTimeOffset offset = new ServerTimeOffset(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_500L), ZoneOffset.UTC));
		assertThat(offset.adjustTo(1_700_000_090L)).isEqualTo(90);
		assertThat(offset.timestamp()).isEqualTo(1_700_000_090L);
		assertThat(offset.seconds()).isEqualTo(90);
		assertThat(offset.isSynced()).isTrue();
		assertThat(offset).hasToString("ServerTimeOffset[90s]");
		assertThat(offset.adjustTo(1_699_999_970L)).isEqualTo(-30);
		assertThat(offset.timestamp()).isEqualTo(1_699_999_970L);
	}

	@Test
	void eachMeasurementChangesTheVersion() {
		ServerTimeOffset offset = new ServerTimeOffset(Clock.systemUTC());
		long before = offset.version();
		offset.adjustTo(offset.timestamp());
		long after = offset.version();
		offset.adjustTo(offset.timestamp());
		assertThat(after).isNotEqualTo(before);
		assertThat(offset.version()).isNotEqualTo(after).isNotEqualTo(before);
		assertThat(offset.clock()).isEqualTo(Clock.systemUTC());
	}

	@Test
	void withoutAClockItIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServerTimeOffset(null))
			.withMessage("Clock must not be null");
	}

}
