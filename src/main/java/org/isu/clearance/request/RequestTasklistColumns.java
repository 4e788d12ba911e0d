package org.isu.clearance.request;

import org.isu.clearance.identity.TasklistColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request's variables that the shared Tasklist filters show beside each task: the
 * State, the convention and the meeting.
 */
@Configuration(proxyBeanMethods = false)
class RequestTasklistColumns {

	@Bean
	TasklistColumn stateColumn() {
		return new TasklistColumn(ExtensionRequestProcess.STATE_NAME, "State", 10);
	}

	@Bean
	TasklistColumn conventionColumn() {
		return new TasklistColumn(ExtensionRequestProcess.CONVENTION, "Convention", 20);
	}

	@Bean
	TasklistColumn meetingColumn() {
		return new TasklistColumn(ExtensionRequestProcess.MEETING_CODE, "Meeting", 30);
	}

}
