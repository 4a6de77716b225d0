package io.github.walletproject;

import java.util.List;

/**
 * The credentials in use may not act for the requested project. Nothing was sent.
 */
public class ProjectAccessDeniedException extends WalletException {

	private static final long serialVersionUID = 1L;

	private final long projectId;

	private final List<Long> availableProjects;

	/**
	 * Create an exception.
	 * @param message the message, naming the project and the accessible ones
	 * @param projectId the refused project
	 * @param availableProjects the projects the credentials may use
	 */
	public ProjectAccessDeniedException(String message, long projectId, List<Long> availableProjects) {
		super(message);
		this.projectId = projectId;
		this.availableProjects = List.copyOf(availableProjects);
	}

	/**
	 * The refused project.
	 * @return its id
	 */
	public long getProjectId() {
		return this.projectId;
	}

	/**
	 * The projects these credentials may use.
	 * @return their ids
	 */
	public List<Long> getAvailableProjects() {
		return this.availableProjects;
	}

}
