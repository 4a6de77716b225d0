package io.github.walletproject.architecture.cycle.b;

import io.github.walletproject.architecture.cycle.a.First;

/** The other half of the deliberate package cycle. */
public class Second {

	public First back() {
		return new First();
	}

}
