package org.isu.clearance.operations;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.isu.clearance.operations.CollisionRetryPlugin.CollisionRetryInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollisionRetryTests {

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void triesATaskCompletionAgainAfterACollision() {
		CollisionRetryInterceptor retry = interceptor(3, collidingTimes(2));
		assertThat(retry.execute(completion())).isNull();
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void givesUpAfterTheConfiguredAttempts() {
		CollisionRetryInterceptor retry = interceptor(3, collidingTimes(5));
		assertThatThrownBy(() -> retry.execute(completion())).isInstanceOf(OptimisticLockingException.class);
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void leavesOtherCommandsAndOtherErrorsAlone() {
		CollisionRetryInterceptor retry = interceptor(3, collidingTimes(1));
		Command<Object> other = (commandContext) -> null;
		assertThatThrownBy(() -> retry.execute(other)).isInstanceOf(OptimisticLockingException.class);
		assertThat(this.calls).hasValue(1);

		this.calls.set(0);
		CollisionRetryInterceptor failing = interceptor(3, new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> command) {
				CollisionRetryTests.this.calls.incrementAndGet();
				throw new IllegalStateException("not a collision");
			}
		});
		assertThatThrownBy(() -> failing.execute(completion())).isInstanceOf(IllegalStateException.class);
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void doesNotRetryInsideACallersTransaction() {
		CollisionRetryInterceptor retry = interceptor(3, collidingTimes(1));
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(() -> retry.execute(completion())).isInstanceOf(OptimisticLockingException.class);
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		assertThat(this.calls).hasValue(1);
	}

	private static CompleteTaskCmd completion() {
		return new CompleteTaskCmd("task", Map.of());
	}

	private static CollisionRetryInterceptor interceptor(int attempts, CommandExecutor next) {
		CollisionRetryInterceptor interceptor = new CollisionRetryInterceptor(attempts);
		interceptor.setNext(next);
		return interceptor;
	}

	private CommandExecutor collidingTimes(int collisions) {
		return new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> command) {
				if (CollisionRetryTests.this.calls.incrementAndGet() <= collisions) {
					throw new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction");
				}
				return null;
			}
		};
	}

}
