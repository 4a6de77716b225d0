package io.github.walletproject.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Runs the starter's failure analyzers (as registered in {@code spring.factories}) for tests
 * in other packages.
 */
public final class Analyzers {

	private Analyzers() {
	}

	public static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = List.of(new WalletConfigurationFailureAnalyzer(),
				new WalletProjectDeclarationFailureAnalyzer());
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

}
