package io.github.walletproject.autoconfigure;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.walletproject.InvalidProjectException;
import io.github.walletproject.ProjectRef;
import io.github.walletproject.auth.MacSigner;
import io.github.walletproject.auth.WalletCredentials;
import io.github.walletproject.autoconfigure.WalletProperties.AuthMode;
import io.github.walletproject.autoconfigure.WalletProperties.MacCredentials;
import io.github.walletproject.autoconfigure.WalletProperties.ProjectProperties;
import io.github.walletproject.internal.PropertyKeys;
import io.github.walletproject.internal.Texts;
import io.github.walletproject.routing.ProjectRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link ProjectRegistry} from {@code paysera.wallet.credentials},
 * {@code paysera.wallet.auth} and {@code paysera.wallet.projects}: every alias, id, set of
 * credentials and SSL bundle is checked here, and every problem is a
 * {@link WalletConfigurationException} naming the property (never a secret).
 */
final class ProjectRegistryFactory {

	private ProjectRegistryFactory() {
	}

	static ProjectRegistry registry(WalletProperties properties, @Nullable SslBundles sslBundles) {
		boolean certificate = properties.getAuth().getMode() == AuthMode.CERTIFICATE;
		WalletCredentials defaults = certificate
				? certificate(WalletCredentials.DEFAULT, properties.getAuth().getSslBundle(), PropertyKeys.PREFIX + "auth.ssl-bundle",
						sslBundles)
				: mac(WalletCredentials.DEFAULT, properties.getCredentials(), PropertyKeys.PREFIX + "credentials");
		ProjectRegistry.Builder builder = ProjectRegistry.builder(defaults);
		Map<String, String> aliasByProject = new HashMap<>();
		Map<Long, String> aliasById = new HashMap<>();
		Map<Long, WalletCredentials> credentialsById = new HashMap<>();
		properties.getProjects().forEach((alias, project) -> {
			String base = PropertyKeys.PREFIX + "projects." + alias;
			try {
				new ProjectRef.Alias(alias);
			}
			catch (InvalidProjectException ex) {
				throw new WalletConfigurationException(base, "has an invalid alias " + Texts.quote(alias),
						"Use an alias that starts with a letter and has only letters, digits, '_' and '-'");
			}
			long id = projectId(base + ".id", project.getId(), alias);
			WalletCredentials own = ownCredentials(alias, project, certificate, sslBundles);
			WalletCredentials effective = (own != null) ? own : defaults;
			String other = aliasById.putIfAbsent(id, alias);
			if (other != null) {
				boolean sameCredentials = credentialsById.get(id).equals(effective);
				throw new WalletConfigurationException(base + ".id", "is " + id + ", like paysera.wallet.projects."
						+ other + ".id" + (sameCredentials ? ", with the same credentials" : ", but the two use different "
								+ "credentials"), sameCredentials
										? "Give each project one alias: remove paysera.wallet.projects." + alias
												+ " or paysera.wallet.projects." + other
										: "A project id must map to one set of credentials; remove one alias or give both "
												+ "the same credentials");
			}
			credentialsById.put(id, effective);
			Long walletId = project.getWalletId();
			if (walletId != null && walletId <= 0) {
				throw new WalletConfigurationException(base + ".wallet-id", "must be a positive wallet id, got " + walletId,
						"Set it to the id of the project's default wallet, or remove it to read it from the API");
			}
			builder.project(alias, id, own, walletId);
		});
		String defaultProject = properties.getDefaultProject();
		try {
			builder.defaultProject(StringUtils.hasText(defaultProject)
					? ProjectRef.parse(defaultProject, PropertyKeys.PREFIX + "default-project") : null);
			return builder.build();
		}
		catch (InvalidProjectException ex) {
			throw new WalletConfigurationException(PropertyKeys.PREFIX + "default-project", "is " + Texts.quote(defaultProject)
					+ ", which is neither a configured alias nor a positive project id",
					"Use one of the configured aliases (" + Texts.list(properties.getProjects().keySet())
							+ ") or a numeric project id");
		}
	}

	private static long projectId(String property, @Nullable String value, String alias) {
		if (!StringUtils.hasText(value)) {
			throw new WalletConfigurationException(property, "is missing",
					"Set it to the numeric Wallet API project id of '" + alias + "'");
		}
		try {
			ProjectRef reference = ProjectRef.parse(value.trim(), property);
			if (reference instanceof ProjectRef.Id id) {
				return id.id();
			}
		}
		catch (InvalidProjectException ex) {
			// reported below, with the value
		}
		throw new WalletConfigurationException(property, "must be a positive project id without sign or leading zeros, "
				+ "got " + Texts.quote(value), "Set it to the numeric Wallet API project id of '" + alias
						+ "' (up to 18 digits)");
	}

	private static @Nullable WalletCredentials ownCredentials(String alias, ProjectProperties project, boolean certificate,
			@Nullable SslBundles sslBundles) {
		String base = PropertyKeys.PREFIX + "projects." + alias;
		if (certificate) {
			if (project.getCredentials() != null) {
				throw new WalletConfigurationException(base + ".credentials", "is set, but paysera.wallet.auth.mode is "
						+ "certificate", "Give the project an SSL bundle with " + base + ".ssl-bundle instead");
			}
			return StringUtils.hasText(project.getSslBundle())
					? certificate(alias, project.getSslBundle(), base + ".ssl-bundle", sslBundles) : null;
		}
		if (StringUtils.hasText(project.getSslBundle())) {
			throw new WalletConfigurationException(base + ".ssl-bundle", "is set, but paysera.wallet.auth.mode is mac",
					"Set paysera.wallet.auth.mode=certificate, or give the project MAC credentials with "
							+ base + ".credentials.mac-id and .mac-key");
		}
		MacCredentials credentials = project.getCredentials();
		if (credentials == null || (credentials.getMacId() == null && credentials.getMacKey() == null)) {
			return null;
		}
		return mac(alias, credentials, base + ".credentials");
	}

	private static void resolved(String property, @Nullable String value) {
		if (value != null && value.contains("${")) {
			int start = value.indexOf("${") + 2;
			int end = value.indexOf('}', start);
			String variable = (end > start) ? value.substring(start, end) : value.substring(start);
			int colon = variable.indexOf(':');
			String name = (colon >= 0) ? variable.substring(0, colon) : variable;
			// only the placeholder is shown: the rest of the value could be a secret
			throw new WalletConfigurationException(property, "holds the placeholder ${" + name + "}, which was not "
					+ "resolved", "Set the environment variable or property " + name
							+ " (or give the placeholder a default), or set " + property + " directly");
		}
	}

	private static WalletCredentials mac(String name, MacCredentials credentials, String property) {
		resolved(property + ".mac-id", credentials.getMacId());
		resolved(property + ".mac-key", credentials.getMacKey());
		if (!StringUtils.hasText(credentials.getMacId())) {
			throw new WalletConfigurationException(property + ".mac-id", "is missing",
					"Set it to your Wallet API client id or access token (e.g. from an environment variable: "
							+ property + ".mac-id=${WALLET_MAC_ID}), or use paysera.wallet.auth.mode=certificate");
		}
		if (!StringUtils.hasText(credentials.getMacKey())) {
			throw new WalletConfigurationException(property + ".mac-key", "is missing",
					"Set it to the MAC key Paysera issued with the id (e.g. " + property
							+ ".mac-key=${WALLET_MAC_KEY}); keep it out of source control");
		}
		try {
			return WalletCredentials.mac(name, new MacSigner(credentials.getMacId().trim(), credentials.getMacKey()));
		}
		catch (IllegalArgumentException ex) {
			throw new WalletConfigurationException(property + ".mac-id", "contains a character that cannot be sent "
					+ "in a MAC header", "Use the id exactly as Paysera issued it (printable ASCII without quotes or '\\')");
		}
	}

	private static WalletCredentials certificate(String name, @Nullable String bundle, String property,
			@Nullable SslBundles sslBundles) {
		resolved(property, bundle);
		if (!StringUtils.hasText(bundle)) {
			throw new WalletConfigurationException(property, "is missing while paysera.wallet.auth.mode is certificate",
					"Define an SSL bundle with the client certificate under spring.ssl.bundle.(jks|pem).<name> and set "
							+ property + "=<name>, or use paysera.wallet.auth.mode=mac");
		}
		List<String> known = (sslBundles != null) ? sslBundles.getBundleNames() : List.of();
		if (!known.contains(bundle)) {
			Set<String> sorted = new TreeSet<>(known);
			throw new WalletConfigurationException(property, "names SSL bundle " + Texts.quote(bundle)
					+ ", which is not defined (defined bundles: " + Texts.list(sorted) + ")",
					"Define it under spring.ssl.bundle.jks." + bundle + " or spring.ssl.bundle.pem." + bundle
							+ ", or correct the name");
		}
		return WalletCredentials.certificate(name, bundle, clientCertificate(sslBundles.getBundle(bundle), property));
	}

	private static byte[] clientCertificate(SslBundle bundle, String property) {
		try {
			KeyStore keys = bundle.getStores().getKeyStore();
			if (keys != null) {
				String alias = bundle.getKey().getAlias();
				for (String each : (alias != null) ? List.of(alias) : Collections.list(keys.aliases())) {
					Certificate certificate = keys.isKeyEntry(each) ? keys.getCertificate(each) : null;
					if (certificate != null) {
						return certificate.getEncoded();
					}
				}
			}
		}
		catch (KeyStoreException | CertificateEncodingException ex) {
			throw new WalletConfigurationException(property, "names an SSL bundle whose client certificate cannot be "
					+ "read (" + ex.getClass().getSimpleName() + ")", "Check the bundle's key store and its password");
		}
		throw new WalletConfigurationException(property, "names an SSL bundle without a client certificate (no key "
				+ "entry in its key store)", "Give the bundle a key store with the client certificate and its private key");
	}

}
