package io.github.walletproject.routing;

import java.util.Map;

import io.github.walletproject.NoProjectBoundException;
import io.github.walletproject.WalletRequestAttributes;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.ProjectBindings.Binding;

/**
 * Chooses the route of one request. In order of precedence:
 * <ol>
 * <li>the {@link WalletRequestAttributes#PROJECT} request attribute (set by hand or by
 * {@code @WalletProject} on an {@code @HttpExchange} method);</li>
 * <li>the innermost project bound to the thread ({@code @WalletProject} advice or
 * {@code ProjectContext});</li>
 * <li>for requests marked {@link WalletRequestAttributes#ACCOUNT_LEVEL}: no project;</li>
 * <li>{@code paysera.wallet.default-project};</li>
 * <li>otherwise the request fails with {@link NoProjectBoundException}.</li>
 * </ol>
 */
public final class ProjectRouter {

	/** Internal attribute: send with these credentials and no project (the starter's own lookups). */
	public static final String CREDENTIALS_ATTRIBUTE = ProjectRouter.class.getName() + ".credentials";

	private final ProjectRegistry registry;

	/**
	 * Create a router.
	 * @param registry the configured projects
	 */
	public ProjectRouter(ProjectRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Choose the route of a request.
	 * @param attributes the request's attributes
	 * @param description {@code METHOD path}, for the error message (computed lazily)
	 * @return the route
	 */
	public RequestRoute route(Map<String, Object> attributes, Description description) {
		if (!attributes.isEmpty()) {
			Object credentials = attributes.get(CREDENTIALS_ATTRIBUTE);
			if (credentials instanceof WalletCredentials walletCredentials) {
				return this.registry.accountRoute(walletCredentials);
			}
			Object explicit = attributes.get(WalletRequestAttributes.PROJECT);
			if (explicit != null) {
				return this.registry.resolve(explicit, "request attribute WalletRequestAttributes.PROJECT").route();
			}
		}
		Binding binding = ProjectBindings.current();
		if (binding != null) {
			return resolve(binding).route();
		}
		if (!attributes.isEmpty() && Boolean.TRUE.equals(attributes.get(WalletRequestAttributes.ACCOUNT_LEVEL))) {
			return this.registry.accountRoute();
		}
		ResolvedProject defaultProject = this.registry.defaultProject();
		if (defaultProject != null) {
			return defaultProject.route();
		}
		throw new NoProjectBoundException("No Wallet API project is bound for " + description.describe()
				+ ". Annotate the calling method or class with @WalletProject, wrap the call in "
				+ "ProjectContext.runWith(...), set WalletRequestAttributes.project(...) on the request, "
				+ "or set paysera.wallet.default-project. Configured aliases: " + Texts.list(this.registry.aliases()));
	}

	private ResolvedProject resolve(Binding binding) {
		Object project = binding.project();
		return this.registry.resolve(project, "ProjectContext");
	}

	/**
	 * The registry behind this router.
	 * @return the registry
	 */
	public ProjectRegistry registry() {
		return this.registry;
	}

	/**
	 * A lazily built description of the request, for messages.
	 */
	@FunctionalInterface
	public interface Description {

		/**
		 * Describe the request.
		 * @return {@code METHOD path}
		 */
		String describe();

	}

}
