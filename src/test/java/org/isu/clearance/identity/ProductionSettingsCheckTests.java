package org.isu.clearance.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductionSettingsCheckTests {

	private final ProductionSettingsCheck check = new ProductionSettingsCheck();

	@Test
	void prodWithoutAdministratorCredentialsDoesNotStart() {
		MockEnvironment environment = prod().withProperty("camunda.bpm.admin-user.id", "")
			.withProperty("camunda.bpm.admin-user.password", "");

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("ADMIN_USER");
	}

	@Test
	void prodWithADemoAdministratorPasswordDoesNotStart() {
		MockEnvironment environment = prod().withProperty("camunda.bpm.admin-user.id", "isu-admin")
			.withProperty("camunda.bpm.admin-user.password", "demo");

		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("ADMIN_PASSWORD");
	}

	@Test
	void prodWithStrongCredentialsStarts() {
		MockEnvironment environment = prod().withProperty("camunda.bpm.admin-user.id", "isu-admin")
			.withProperty("camunda.bpm.admin-user.password", "correct horse battery staple");

		assertThatCode(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.doesNotThrowAnyException();
	}

	@Test
	void otherProfilesAreNotChecked() {
		assertThatCode(() -> this.check.postProcessEnvironment(new MockEnvironment(), null)).doesNotThrowAnyException();
	}

	private static MockEnvironment prod() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		return environment;
	}

}
