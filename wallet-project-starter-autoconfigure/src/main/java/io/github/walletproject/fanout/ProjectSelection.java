package io.github.walletproject.fanout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.client.Project;
import io.github.walletproject.routing.ProjectRegistry;

import org.springframework.util.Assert;

/**
 * Which projects a fan-out runs in: the configured aliases, the projects the default
 * credentials may use (the cached access list), or an explicit list of aliases and ids. The
 * results come in the selection's order: configuration order, the access list's order, or the
 * order given (each project once).
 */
public final class ProjectSelection {

	private static final String SOURCE = "ProjectSelection.of(...)";

	private static final ProjectSelection CONFIGURED = new ProjectSelection("configured", List.of());

	private static final ProjectSelection ACCESSIBLE = new ProjectSelection("accessible", List.of());

	private final String kind;

	private final List<ProjectRef> projects;

	private ProjectSelection(String kind, List<ProjectRef> projects) {
		this.kind = kind;
		this.projects = projects;
	}

	/**
	 * Every configured project ({@code paysera.wallet.projects.<alias>}), in configuration order.
	 * @return the selection
	 */
	public static ProjectSelection configured() {
		return CONFIGURED;
	}

	/**
	 * The projects the default credentials may use, from the cached access list
	 * ({@code paysera.wallet.access.source}); a project of that list that is configured uses its
	 * alias and credentials.
	 * @return the selection
	 */
	public static ProjectSelection accessible() {
		return ACCESSIBLE;
	}

	/**
	 * Named projects, in the order given; a project named twice runs once.
	 * @param projects configured aliases or project ids
	 * @return the selection
	 * @throws InvalidProjectException when a value is neither a well-formed alias nor an id
	 */
	public static ProjectSelection of(String... projects) {
		Assert.notNull(projects, "Projects must not be null");
		return of(Arrays.asList(projects));
	}

	/**
	 * Named projects, in the order given; a project named twice runs once.
	 * @param projects configured aliases or project ids
	 * @return the selection
	 * @throws InvalidProjectException when a value is neither a well-formed alias nor an id
	 */
	public static ProjectSelection of(Collection<String> projects) {
		Assert.notNull(projects, "Projects must not be null");
		List<ProjectRef> references = new ArrayList<>(projects.size());
		for (String project : projects) {
			references.add(ProjectRef.parse(project, SOURCE));
		}
		return new ProjectSelection("explicit", List.copyOf(references));
	}

	/**
	 * The kind of selection, a bounded observation tag: {@code configured}, {@code accessible}
	 * or {@code explicit}.
	 * @return the kind
	 */
	public String kind() {
		return this.kind;
	}

	/**
	 * The projects, resolved against the configuration, each once.
	 * @param registry the configured projects
	 * @param accessible the default credentials' access list (read only for
	 * {@link #accessible()})
	 * @return the projects in the selection's order
	 * @throws InvalidProjectException when an alias is not configured
	 */
	List<ResolvedProject> resolve(ProjectRegistry registry, Supplier<List<Project>> accessible) {
		Set<ResolvedProject> resolved = new LinkedHashSet<>();
		if (this == CONFIGURED) {
			resolved.addAll(registry.projects().values());
		}
		else if (this == ACCESSIBLE) {
			for (Project project : accessible.get()) {
				resolved.add(registry.byId(project.id()));
			}
		}
		else {
			for (ProjectRef project : this.projects) {
				resolved.add(registry.resolve(project, SOURCE));
			}
		}
		return List.copyOf(resolved);
	}

	@Override
	public String toString() {
		return "ProjectSelection[" + this.kind + (this.projects.isEmpty() ? "" : " " + this.projects) + "]";
	}

}
