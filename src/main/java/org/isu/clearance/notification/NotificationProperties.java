package org.isu.clearance.notification;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail settings ({@code clearance.notification.*}).
 *
 * @param baseUrl the address users reach the application at, for links in mails
 * @param from the sender address
 */
@Validated
@ConfigurationProperties("clearance.notification")
record NotificationProperties(@NotBlank String baseUrl, @NotBlank String from) {

	String tasklistLink(String taskId) {
		return this.baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	String requestLink(String businessKey) {
		return this.baseUrl + "/requests/" + businessKey;
	}

}
