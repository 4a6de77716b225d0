package io.github.walletproject.autoconfigure;

/**
 * A {@code paysera.wallet.*} property is missing or wrong. Raised at startup; its failure
 * analysis names the property and the fix. Never carries a secret value.
 */
public class WalletConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the property at fault, such as {@code paysera.wallet.credentials.mac-key}
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 */
	public WalletConfigurationException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
