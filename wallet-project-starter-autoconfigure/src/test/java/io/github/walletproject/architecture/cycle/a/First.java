package io.github.walletproject.architecture.cycle.a;

import io.github.walletproject.architecture.cycle.b.Second;

/** Half of a deliberate package cycle that the architecture rule must catch. */
public class First {

	public Second next() {
		return new Second();
	}

}
