package io.github.walletproject.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a wrong or missing {@code paysera.wallet.*} property by name, with the fix.
 */
class WalletConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WalletConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WalletConfigurationException cause) {
		return new FailureAnalysis("Invalid Paysera Wallet configuration: " + cause.getProperty() + " "
				+ cause.getProblem() + ".", "Update your application's configuration: " + cause.getAction() + ".", cause);
	}

}
