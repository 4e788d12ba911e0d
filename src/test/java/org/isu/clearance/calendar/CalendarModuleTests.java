package org.isu.clearance.calendar;

import java.time.LocalDate;
import java.util.List;

import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar alone, without a process engine or a registry: date arithmetic on the
 * meetings it is given, with the offsets of the configuration.
 */
@ModuleTest
@TestPropertySource(properties = ModuleTest.WITHOUT_ENGINE)
class CalendarModuleTests {

	@Autowired
	private DeadlineCalendar calendar;

	@Autowired
	private ApplicationContext context;

	@Test
	void plansFromTheMeetingsItIsGivenWithTheConfiguredOffsets() {
		Meeting msp13 = new Meeting(Convention.CCM, "13MSP", MeetingKind.MSP, LocalDate.parse("2025-09-16"),
				LocalDate.parse("2025-09-19"), "Geneva", false);

		DeadlinePlan plan = this.calendar.plan(Convention.CCM, LocalDate.parse("2026-03-01"), List.of(msp13))
			.orElseThrow();

		assertThat(plan.meeting().code()).isEqualTo("13MSP");
		assertThat(plan.submissionDue()).isEqualTo(LocalDate.parse("2024-12-16"));
		assertThat(plan.latestNewDeadline()).isEqualTo(LocalDate.parse("2031-03-01"));
	}

	@Test
	void startsWithoutTheRegistryService() {
		assertThat(this.context.getBeanNamesForType(org.isu.clearance.registry.Registry.class)).isEmpty();
	}

}
