package io.github.walletproject.access;

import io.github.walletproject.ResolvedProject;

/**
 * Key of one project's details: the project, read with its credentials, on which Wallet API.
 *
 * @param baseUrl the Wallet API base URL
 * @param project the project
 */
record DetailsKey(String baseUrl, ResolvedProject project) {

	@Override
	public String toString() {
		return this.baseUrl + '|' + this.project.credentials().identity() + '|' + this.project.idText();
	}

}
