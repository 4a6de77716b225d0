package io.github.walletproject.money;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * A page whose paging facts come from the API's {@code _metadata} object: written once for
 * every listing that sends one.
 *
 * @param <T> the item type
 */
interface MetadataPage<T> extends Page<T> {

	/**
	 * The paging facts the API sent.
	 * @return the metadata, or {@code null} when the API left it out
	 */
	@Nullable PageMetadata metadata();

	@Override
	default long offset() {
		PageMetadata metadata = metadata();
		return (metadata != null) ? metadata.offset() : 0;
	}

	@Override
	default int limit() {
		PageMetadata metadata = metadata();
		return (metadata != null) ? metadata.limit() : items().size();
	}

	@Override
	default OptionalLong total() {
		PageMetadata metadata = metadata();
		return (metadata != null && metadata.total() != null) ? OptionalLong.of(metadata.total())
				: OptionalLong.empty();
	}

}
