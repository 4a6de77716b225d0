package io.github.walletproject.sample.mode;

import java.util.Map;

import io.github.walletproject.client.WalletProjects;
import io.github.walletproject.ResolvedProject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs one line once the web server is up: the mode, the Wallet API in use and the URL to open.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(StartupBanner.class);

	private final SampleMode mode;

	private final WalletProjects wallet;

	StartupBanner(SampleMode mode, WalletProjects wallet) {
		this.mode = mode;
		this.wallet = wallet;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // a management server on a port of its own
		}
		logger.info(line(event.getWebServer().getPort()));
	}

	String line(int port) {
		String open = "open http://localhost:" + port + "/";
		if (this.mode.isDemo()) {
			return "Wallet dashboard in DEMO mode: embedded demo Wallet API at " + this.mode.apiBaseUrl()
					+ " (no credentials, no network; set WALLET_MAC_ID and WALLET_MAC_KEY for the real API) - " + open;
		}
		Map<String, ResolvedProject> projects = this.wallet.configuredProjects();
		return "Wallet dashboard in LIVE mode: Wallet API at " + this.mode.apiBaseUrl() + " with "
				+ (projects.isEmpty() ? "no configured projects (set WALLET_PROJECTS=alias=id,...)"
						: "projects " + projects.values())
				+ " - " + open;
	}

}
