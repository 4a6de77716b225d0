package io.github.walletproject.routing;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProjectContextTests {

	@AfterEach
	void nothingLeftBound() {
		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void bindingsNestAsAStack() {
		assertThat(ProjectContext.current()).isEmpty();
		ProjectContext.runWith("shop", () -> {
			assertThat(ProjectContext.current()).contains("shop");
			ProjectContext.runWith("1222", () -> assertThat(ProjectContext.current()).contains("1222"));
			assertThat(ProjectContext.current()).contains("shop");
			try (ProjectContext.Scope scope = ProjectContext.open("marketplace")) {
				assertThat(scope.project()).isEqualTo("marketplace");
				assertThat(ProjectContext.current()).contains("marketplace");
			}
			assertThat(ProjectContext.current()).contains("shop");
		});
		assertThat(ProjectContext.current()).isEmpty();
	}

	@Test
	void closingScopesOutOfOrderLeavesNothingBound() {
		ProjectContext.Scope shop = ProjectContext.open("shop");
		ProjectContext.Scope marketplace = ProjectContext.open("marketplace");
		assertThatIllegalStateException().isThrownBy(shop::close)
			.withMessageContaining("'shop'")
			.withMessageContaining("'marketplace'");
		// the thread is back to what it was before "shop" was opened
		assertThat(ProjectContext.current()).isEmpty();
		marketplace.close();
		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void closingScopesOutOfOrderInsideAnOuterBindingRestoresTheOuterOne() {
		ProjectContext.runWith("1221", () -> {
			ProjectContext.Scope shop = ProjectContext.open("shop");
			ProjectContext.Scope marketplace = ProjectContext.open("marketplace");
			assertThatIllegalStateException().isThrownBy(shop::close);
			marketplace.close();
			assertThat(ProjectContext.current()).contains("1221");
		});
	}

	@Test
	void exceptionsRestoreTheOuterBinding() {
		ProjectContext.runWith("shop", () -> {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> ProjectContext.runWith("marketplace", () -> {
					throw new IllegalArgumentException("boom");
				}));
			assertThat(ProjectContext.current()).contains("shop");
		});
	}

	@Test
	void callWithReturnsAndPassesCheckedExceptionsThrough() throws Exception {
		assertThat(ProjectContext.callWith("shop", () -> ProjectContext.current().orElseThrow())).isEqualTo("shop");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> ProjectContext.callWith("shop", () -> {
			throw new IOException("io");
		}));
	}

	@Test
	void closingTwiceIsHarmless() {
		ProjectContext.Scope scope = ProjectContext.open("shop");
		scope.close();
		scope.close();
		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void closingOutOfOrderUnwindsAndComplains() {
		ProjectContext.Scope outer = ProjectContext.open("shop");
		ProjectContext.open("marketplace");
		assertThatIllegalStateException().isThrownBy(outer::close).withMessageContaining("inner scope");
		assertThat(ProjectContext.isBound()).isFalse();
	}

	@Test
	void scopeMustBeClosedOnItsThread() throws Exception {
		ProjectContext.Scope scope = ProjectContext.open("shop");
		try {
			ExecutorService other = Executors.newSingleThreadExecutor();
			try {
				CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
					try {
						scope.close();
						return null;
					}
					catch (IllegalStateException ex) {
						return ex;
					}
				}, other);
				assertThat(failure.get()).hasMessageContaining("thread that opened it");
			}
			finally {
				other.shutdownNow();
			}
			assertThat(ProjectContext.current()).contains("shop");
		}
		finally {
			scope.close();
		}
	}

	@Test
	void bindingIsNotInheritedByNewThreads() throws Exception {
		ProjectContext.runWith("shop", () -> {
			CompletableFuture<Boolean> seen = new CompletableFuture<>();
			Thread thread = new Thread(() -> seen.complete(ProjectContext.isBound()));
			thread.start();
			assertThat(seen.join()).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop\r\nX-Evil: 1", "shop\"", "1221,1222", "shop x", " 1221", "ąžuolas", "0", "-5", "+5",
			"01221", "9223372036854775808", "99999999999999999999", "1221&project_id=1", "a=b", "", "_shop", "1e3" })
	void hostileValuesAreRejectedBeforeAnythingIsBound(String value) {
		assertThatExceptionOfType(InvalidProjectException.class).isThrownBy(() -> ProjectContext.open(value))
			.withMessageContaining("ProjectContext")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n"));
		assertThat(ProjectContext.isBound()).isFalse();
	}

}
