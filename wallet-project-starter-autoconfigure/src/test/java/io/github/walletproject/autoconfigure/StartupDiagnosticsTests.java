package io.github.walletproject.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real {@code SpringApplication} start with bad configuration prints the starter's failure
 * analysis (registered in {@code META-INF/spring.factories}) and no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupDiagnosticsTests {

	@Test
	void missingMacIdIsReportedByName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("paysera.wallet.credentials.mac-key=TopSecretKey-123", "spring.main.banner-mode=off")
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid Paysera Wallet configuration: paysera.wallet.credentials.mac-id is missing.")
			.contains("Update your application's configuration: Set it to your Wallet API client id or access token")
			.doesNotContain("TopSecretKey-123");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
