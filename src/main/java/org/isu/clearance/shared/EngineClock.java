package org.isu.clearance.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's "now": the process engine's clock, so that what the pages and checks
 * call today is the day the engine's timers see (tests move it).
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(now(), ZoneId.systemDefault());
	}

}
