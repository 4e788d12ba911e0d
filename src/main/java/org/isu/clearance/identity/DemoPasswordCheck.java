package org.isu.clearance.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, refuses to start while any user of the identity service still has a demo
 * password. The check compares password hashes, so it never counts as a failed login.
 */
@Component
@Profile(ProductionSettingsCheck.PROD)
class DemoPasswordCheck implements SmartInitializingSingleton {

	private final ProcessEngine processEngine;

	private final Set<String> demoPasswords = new LinkedHashSet<>();

	DemoPasswordCheck(ProcessEngine processEngine, @Value("${DEMO_PASSWORD:}") String demoPassword) {
		this.processEngine = processEngine;
		this.demoPasswords.add("demo");
		if (!demoPassword.isBlank()) {
			this.demoPasswords.add(demoPassword);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> offenders = usersWithDemoPassword();
		if (!offenders.isEmpty()) {
			throw new IllegalStateException("The prod profile refuses to start: users " + offenders
					+ " still have a demo password. Change their passwords or delete them first.");
		}
	}

	List<String> usersWithDemoPassword() {
		PasswordManager passwords = ((ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration()).getPasswordManager();
		return this.processEngine.getIdentityService()
			.createUserQuery()
			.list()
			.stream()
			.filter(UserEntity.class::isInstance)
			.map(UserEntity.class::cast)
			.filter((user) -> user.getPassword() != null)
			.filter((user) -> this.demoPasswords.stream()
				.anyMatch((candidate) -> passwords.check(EncryptionUtil.saltPassword(candidate, user.getSalt()),
						user.getPassword())))
			.map(User::getId)
			.toList();
	}

}
