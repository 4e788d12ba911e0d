package org.isu.clearance.shared;

import java.util.ArrayList;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Camunda's REST API answers 500 when a command names a task, instance or job that does
 * not exist ({@code POST /engine-rest/task/unknown/complete}), which the engine reports
 * as a {@link NullValueException} or its own {@code NotFoundException}, and when a user
 * claims a task someone else holds ({@link TaskAlreadyClaimedException}). This
 * interceptor remembers such a failure as {@link NotFoundException} or
 * {@link ConflictException}, so that {@link RejectedInputFilter} answers 404 or 409
 * instead.
 */
@Component
class UnknownIdPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new UnknownIdInterceptor());
	}

	static class UnknownIdInterceptor extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return this.next.execute(command);
			}
			catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException ex) {
				if (RejectedInput.last() == null) {
					RejectedInput.remember(new NotFoundException(ex.getMessage()));
				}
				throw ex;
			}
			catch (TaskAlreadyClaimedException ex) {
				if (RejectedInput.last() == null) {
					RejectedInput.remember(new ConflictException(ex.getMessage()));
				}
				throw ex;
			}
		}

	}

}
