package org.isu.clearance.notification;

import java.time.Period;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail settings ({@code clearance.notification.*}).
 *
 * @param baseUrl the address users reach the application at, for links in mails
 * @param from the sender address
 * @param answersReminderLead how long before the State's answers are due its focal point
 * is reminded of them
 */
@Validated
@ConfigurationProperties("clearance.notification")
record NotificationProperties(@NotBlank String baseUrl, @NotBlank String from,
		@DefaultValue("P14D") @NotNull Period answersReminderLead) {

	String tasklistLink(String taskId) {
		return this.baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	String requestLink(String businessKey) {
		return this.baseUrl + "/requests/" + businessKey;
	}

}
