package io.github.walletproject.money;

import io.github.walletproject.WalletResponseException;
import tools.jackson.databind.util.StdConverter;

/**
 * Base of the converters that turn a response's wire form into a public record: a value the
 * records refuse (a negative quantity, a price without a currency) becomes a
 * {@link WalletResponseException} naming what was read, like a missing field.
 *
 * @param <I> the wire form
 * @param <O> the record
 */
abstract class Decoder<I, O> extends StdConverter<I, O> {

	private final String what;

	Decoder(String what) {
		this.what = what;
	}

	@Override
	public final O convert(I value) {
		try {
			return decode(value);
		}
		catch (WalletResponseException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new WalletResponseException("Wallet API sent a " + this.what + " that cannot be used: " + ex.getMessage(),
					ex);
		}
	}

	abstract O decode(I value);

}
