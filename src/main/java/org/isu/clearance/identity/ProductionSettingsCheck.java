package org.isu.clearance.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the {@code prod} profile before anything starts when no administrator credentials
 * are configured ({@code ADMIN_USER}, {@code ADMIN_PASSWORD}).
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor {

	static final String PROD = "prod";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of(PROD))) {
			return;
		}
		String id = environment.getProperty("camunda.bpm.admin-user.id");
		String password = environment.getProperty("camunda.bpm.admin-user.password");
		if (id == null || id.isBlank() || password == null || password.isBlank()) {
			throw new IllegalStateException("The prod profile needs administrator credentials: "
					+ "set ADMIN_USER and ADMIN_PASSWORD (camunda.bpm.admin-user.id and .password).");
		}
		if (password.length() < 12 || "demo".equals(password)) {
			throw new IllegalStateException("The prod profile refuses an administrator password shorter than 12 "
					+ "characters or a demo password: set a strong ADMIN_PASSWORD.");
		}
	}

}
