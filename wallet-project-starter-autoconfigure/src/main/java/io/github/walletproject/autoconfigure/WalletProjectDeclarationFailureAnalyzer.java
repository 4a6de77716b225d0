package io.github.walletproject.autoconfigure;

import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.WalletProjectDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an unusable {@code @WalletProject} declaration with its class, method and value.
 */
class WalletProjectDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<WalletProjectDeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WalletProjectDeclarationException cause) {
		String description = "@WalletProject(" + Texts.quote(cause.getValue()) + ") on " + cause.getLocation()
				+ " cannot be used: " + cause.getReason();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
