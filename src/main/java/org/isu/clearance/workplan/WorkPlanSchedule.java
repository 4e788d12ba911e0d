package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.isu.clearance.schedule.ScheduledStart;
import org.isu.clearance.workplan.WorkPlanProperties.Quarter;

import org.springframework.stereotype.Component;

/**
 * The calendar of the work-plan quarters, for the {@code work-plan-quarter} model's timer
 * start event ({@code ${workPlanSchedule.cron()}}) and for the digest.
 */
@Component("workPlanSchedule")
public class WorkPlanSchedule implements ScheduledStart {

	private final WorkPlanProperties properties;

	WorkPlanSchedule(WorkPlanProperties properties) {
		this.properties = properties;
	}

	@Override
	public String processKey() {
		return "work-plan-quarter";
	}

	/**
	 * A cron expression (Spring 5.3 dialect, as Camunda 7.24 reads it) for the first day
	 * of every quarter at the send time, such as {@code 0 0 8 1 1,4,7,10 *}.
	 */
	@Override
	public String cron() {
		LocalTime time = this.properties.sendTime();
		String months = this.properties.quarters()
			.stream()
			.map(Quarter::startMonth)
			.sorted()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
		return "0 " + time.getMinute() + " " + time.getHour() + " " + this.properties.startDay() + " " + months + " *";
	}

	/**
	 * The quarter a day falls in: the one that started last, on or before it.
	 */
	QuarterPeriod quarterOf(LocalDate day) {
		List<QuarterPeriod> candidates = this.properties.quarters()
			.stream()
			.flatMap((quarter) -> List.of(day.getYear() - 1, day.getYear())
				.stream()
				.map((year) -> new QuarterPeriod(quarter,
						LocalDate.of(year, quarter.startMonth(), this.properties.startDay()), null)))
			.filter((period) -> !period.start().isAfter(day))
			.sorted(Comparator.comparing(QuarterPeriod::start).reversed())
			.toList();
		QuarterPeriod current = candidates.get(0);
		return new QuarterPeriod(current.quarter(), current.start(), nextStart(current.start()));
	}

	/**
	 * The work plan keyed to a meeting: the quarters that end with the one the meeting
	 * opens in, oldest first, each named and tasked by its place in the work plan (the
	 * meeting's own quarter is the last, Q3: presentation and report). For a September
	 * meeting the names are those of the calendar (Q4 October–December … Q3
	 * July–September); for a meeting in November the work plan runs January to December.
	 */
	public List<WorkPlanQuarter> cycleTowards(LocalDate meetingDay) {
		List<Quarter> order = this.properties.quarters();
		List<WorkPlanQuarter> quarters = new ArrayList<>();
		QuarterPeriod period = quarterOf(meetingDay);
		for (int i = order.size() - 1; i >= 0; i--) {
			Quarter place = order.get(i);
			quarters.add(0, new WorkPlanQuarter(place.name(), period.start(), period.lastDay()));
			period = quarterOf(period.start().minusDays(1));
		}
		return quarters;
	}

	private LocalDate nextStart(LocalDate start) {
		return this.properties.quarters()
			.stream()
			.flatMap((quarter) -> List.of(start.getYear(), start.getYear() + 1)
				.stream()
				.map((year) -> LocalDate.of(year, quarter.startMonth(), this.properties.startDay())))
			.filter((day) -> day.isAfter(start))
			.min(Comparator.naturalOrder())
			.orElseThrow();
	}

	/**
	 * One quarter of one year.
	 *
	 * @param end the first day of the next quarter (exclusive)
	 */
	record QuarterPeriod(Quarter quarter, LocalDate start, LocalDate end) {

		boolean contains(LocalDate day) {
			return !day.isBefore(this.start) && day.isBefore(this.end);
		}

		LocalDate lastDay() {
			return this.end.minusDays(1);
		}

	}

}
