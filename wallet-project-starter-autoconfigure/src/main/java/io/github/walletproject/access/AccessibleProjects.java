package io.github.walletproject.access;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import io.github.walletproject.client.Project;
import org.springframework.util.Assert;

/**
 * The projects one set of credentials may act for. Membership is a binary search over a
 * sorted array, so a check allocates nothing. Serializable, so it can be shared through a
 * Spring {@code CacheManager}.
 */
public final class AccessibleProjects implements Serializable {

	private static final long serialVersionUID = 1L;

	private final List<Project> projects;

	private final long[] ids;

	/**
	 * Create the list.
	 * @param projects the accessible projects
	 */
	public AccessibleProjects(List<Project> projects) {
		Assert.notNull(projects, "Projects must not be null");
		this.projects = List.copyOf(projects);
		this.ids = this.projects.stream().mapToLong(Project::id).sorted().distinct().toArray();
	}

	/**
	 * Whether a project is in the list.
	 * @param projectId the project id
	 * @return {@code true} when accessible
	 */
	public boolean contains(long projectId) {
		return Arrays.binarySearch(this.ids, projectId) >= 0;
	}

	/**
	 * The projects, as listed by the source.
	 * @return the projects
	 */
	public List<Project> projects() {
		return this.projects;
	}

	/**
	 * The project ids, ascending.
	 * @return the ids
	 */
	public List<Long> ids() {
		return Arrays.stream(this.ids).boxed().toList();
	}

	@Override
	public String toString() {
		return "AccessibleProjects" + ids();
	}

}
