package org.isu.clearance.operations;

import java.util.ArrayList;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user who completes a task while a reminder timer on it fires (or another node works
 * on the same process instance) loses the race: the engine detects it at commit
 * ({@link OptimisticLockingException}), rolls back and Camunda's REST layer answers 500.
 * Nothing was written, so completing again is safe: this interceptor, placed in front of
 * the engine's transaction, tries task completions (API, {@code /engine-rest}, Tasklist's
 * form submission) again in a fresh transaction, up to
 * {@code clearance.operations.user-command-attempts} times, waiting a little longer (with
 * jitter) before each new attempt so that a burst of timers firing on the same instance
 * (a node recovering its due jobs) has passed. It leaves alone commands that run inside a
 * caller's transaction (that transaction is lost anyway) and the job executor's commands
 * (it retries those itself).
 */
@Component
class CollisionRetryPlugin extends AbstractProcessEnginePlugin {

	private final OperationsProperties properties;

	CollisionRetryPlugin(OperationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired()
			.add(new CollisionRetryInterceptor(this.properties.userCommandAttempts()));
	}

	static class CollisionRetryInterceptor extends CommandInterceptor {

		private static final Logger log = LoggerFactory.getLogger(CollisionRetryInterceptor.class);

		private final int attempts;

		CollisionRetryInterceptor(int attempts) {
			this.attempts = attempts;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (!isUserCommand(command) || TransactionSynchronizationManager.isActualTransactionActive()) {
				return this.next.execute(command);
			}
			for (int attempt = 1;; attempt++) {
				try {
					return this.next.execute(command);
				}
				catch (OptimisticLockingException ex) {
					if (attempt >= this.attempts) {
						throw ex;
					}
					log.info("{} collided with a concurrent change (attempt {} of {}); trying again: {}",
							command.getClass().getSimpleName(), attempt, this.attempts, ex.getMessage());
					pause(attempt);
				}
			}
		}

		/**
		 * 25–75 ms before the second attempt, twice that before the third, and so on: the
		 * user waits a fraction of a second at most.
		 */
		private static void pause(int attempt) {
			try {
				Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(25, 75) * attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to complete the task again", ex);
			}
		}

		private static boolean isUserCommand(Command<?> command) {
			return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
		}

	}

}
