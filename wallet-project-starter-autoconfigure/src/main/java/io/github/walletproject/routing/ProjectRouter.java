package io.github.walletproject.routing;

import java.util.Map;

import io.github.walletproject.CredentialsContext;
import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.ProjectBinding;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.ResolvedProject;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.RequestRoute.ProjectRoute;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.util.Assert;

/**
 * Chooses the route of a request of the routed Wallet client. In order of precedence:
 * <ol>
 * <li>the {@link WalletRequestAttributes#PROJECT} request attribute (set by hand or by
 * {@code @WalletProject} on an {@code @HttpExchange} method);</li>
 * <li>the {@link WalletRequestAttributes#ACCOUNT_LEVEL} request attribute: no project, signed
 * with the bound project's credentials, or the default ones when nothing is bound;</li>
 * <li>the innermost project bound to the thread ({@code @WalletProject} advice or
 * {@code ProjectContext});</li>
 * <li>{@code paysera.wallet.default-project};</li>
 * <li>otherwise the request fails with {@link NoProjectBoundException}.</li>
 * </ol>
 */
public final class ProjectRouter implements RouteResolver {

	private final ProjectRegistry registry;

	/**
	 * Create a router.
	 * @param registry the configured projects
	 */
	public ProjectRouter(ProjectRegistry registry) {
		Assert.notNull(registry, "Registry must not be null");
		this.registry = registry;
	}

	@Override
	public RequestRoute resolve(HttpRequest request) {
		return resolve(request, ProjectBinding.current(), CredentialsContext.current());
	}

	@Override
	public RequestRoute resolve(HttpRequest request, @Nullable ProjectBinding binding,
			@Nullable WalletCredentials credentials) {
		RequestRoute route = bound(request, binding);
		return (credentials != null) ? route.signedWith(credentials) : route;
	}

	private RequestRoute bound(HttpRequest request, @Nullable ProjectBinding binding) {
		Map<String, Object> attributes = request.getAttributes();
		if (!attributes.isEmpty()) {
			Object explicit = attributes.get(WalletRequestAttributes.PROJECT);
			if (explicit != null) {
				return new ProjectRoute(this.registry.resolve(reference(explicit), "request attribute "
						+ "WalletRequestAttributes.PROJECT"));
			}
			if (Boolean.TRUE.equals(attributes.get(WalletRequestAttributes.ACCOUNT_LEVEL))) {
				return this.registry.accountRoute((binding != null)
						? this.registry.resolve(binding.project(), "ProjectContext").credentials()
						: this.registry.defaultCredentials());
			}
		}
		ResolvedProject project = (binding != null) ? this.registry.resolve(binding.project(), "ProjectContext")
				: this.registry.defaultProject();
		if (project != null) {
			return new ProjectRoute(project);
		}
		throw new NoProjectBoundException("No Wallet API project is bound for " + request.getMethod().name() + " "
				+ request.getURI().getRawPath() + ". Annotate the calling method or class with @WalletProject, wrap the "
				+ "call in ProjectContext.runWith(...), set WalletRequestAttributes.project(...) on the request, or set "
				+ "paysera.wallet.default-project. Configured aliases: " + Texts.list(this.registry.aliases()));
	}

	/**
	 * The project a call made here and now goes to: the bound one, else the default.
	 * @return the project, or {@code null} when nothing is bound and there is no default
	 */
	public ResolvedProject current() {
		ProjectBinding binding = ProjectBinding.current();
		if (binding != null) {
			return this.registry.resolve(binding.project(), "ProjectContext");
		}
		return this.registry.defaultProject();
	}

	private static ProjectRef reference(Object value) {
		if (value instanceof ProjectRef reference) {
			return reference;
		}
		if (value instanceof String text) {
			return ProjectRef.parse(text, "request attribute WalletRequestAttributes.PROJECT");
		}
		if (value instanceof Long || value instanceof Integer) {
			return ProjectRef.of(((Number) value).longValue());
		}
		throw new io.github.walletproject.InvalidProjectException("Invalid project from request attribute "
				+ "WalletRequestAttributes.PROJECT: expected a ProjectRef, got " + value.getClass().getSimpleName());
	}

	/**
	 * The registry behind this router.
	 * @return the registry
	 */
	public ProjectRegistry registry() {
		return this.registry;
	}

}
