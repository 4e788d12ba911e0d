package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.workplan.WorkPlanProperties.Activity;
import org.isu.clearance.workplan.WorkPlanProperties.Plan;
import org.isu.clearance.workplan.WorkPlanProperties.WorkingPaper;

import org.springframework.stereotype.Component;

import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * The dates, activities and owners of a {@code coordination-work-plan} instance, for its
 * model's expressions ({@code ${workPlanDates.activityDue(execution, activityId)}}) and
 * for realigning its open tasks when the meeting moves. Every task falls due at the end
 * of its quarter, the quarters counted back from the meeting as the work-plan page counts
 * them, and never later than the meeting's first day.
 */
@Component("workPlanDates")
public class WorkPlanDates {

	private final WorkPlanProperties properties;

	private final WorkPlanSchedule schedule;

	WorkPlanDates(WorkPlanProperties properties, WorkPlanSchedule schedule) {
		this.properties = properties;
		this.schedule = schedule;
	}

	/** When the cycle opens: the start of its first day. */
	public Date cycleOpens(VariableScope execution) {
		return Date.from(LocalDate.parse((String) execution.getVariable(CYCLE_OPENS_ON))
			.atStartOfDay(ZoneId.systemDefault())
			.toInstant());
	}

	/** The ids of the configured activities that are (or are not) meetings. */
	public List<String> activities(VariableScope execution, boolean meetings) {
		return plan(execution).activities()
			.stream()
			.filter((activity) -> activity.meeting() == meetings)
			.map(Activity::id)
			.toList();
	}

	public String activityName(VariableScope execution, String activityId) {
		return plan(execution).activity(activityId).label("en");
	}

	public String activityGroup(VariableScope execution, String activityId) {
		return plan(execution).activity(activityId).group();
	}

	public Date activityDue(VariableScope execution, String activityId) {
		return due(meetingFirstDay(execution), plan(execution).activity(activityId).quarter());
	}

	public boolean hasWorkingPaper(VariableScope execution) {
		return plan(execution).workingPaper() != null;
	}

	public List<String> languages(VariableScope execution) {
		return workingPaper(execution).languages();
	}

	public String workingPaperGroup(VariableScope execution) {
		return workingPaper(execution).group();
	}

	/** The due date of a working-paper step ({@code draft} … {@code present}). */
	public Date stepDue(VariableScope execution, String step) {
		return due(meetingFirstDay(execution), workingPaper(execution).step(step).quarter());
	}

	/**
	 * The due date of an open task of the model, from the instance's variables as they
	 * are now; null for a task that is not a work-plan activity.
	 */
	Date taskDue(Function<String, Object> variables, String taskDefinitionKey) {
		Plan plan = plan(Convention.valueOf((String) variables.apply(CONVENTION)));
		LocalDate meetingFirstDay = LocalDate.parse((String) variables.apply(MEETING_FIRST_DAY));
		if (TASK_ACTIVITY.equals(taskDefinitionKey) || TASK_MEETING.equals(taskDefinitionKey)) {
			return due(meetingFirstDay, plan.activity((String) variables.apply(ACTIVITY_ID)).quarter());
		}
		String step = CoordinationWorkPlan.step(taskDefinitionKey);
		return (step != null && plan.workingPaper() != null)
				? due(meetingFirstDay, plan.workingPaper().step(step).quarter()) : null;
	}

	/**
	 * The last day a task of a quarter may be done: the quarter's last day, counted back
	 * from the meeting, or the meeting's first day if that comes first.
	 */
	LocalDate dueDay(LocalDate meetingFirstDay, String quarterName) {
		LocalDate last = this.schedule.cycleTowards(meetingFirstDay)
			.stream()
			.filter((quarter) -> quarter.name().equals(quarterName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No work-plan quarter " + quarterName))
			.lastDay();
		return last.isAfter(meetingFirstDay) ? meetingFirstDay : last;
	}

	Date due(LocalDate meetingFirstDay, String quarterName) {
		return Date.from(dueDay(meetingFirstDay, quarterName).atTime(this.properties.dueTime())
			.atZone(ZoneId.systemDefault())
			.toInstant());
	}

	Plan plan(Convention convention) {
		return this.properties.plan(convention);
	}

	private Plan plan(VariableScope execution) {
		return plan(Convention.valueOf((String) execution.getVariable(CONVENTION)));
	}

	private WorkingPaper workingPaper(VariableScope execution) {
		WorkingPaper paper = plan(execution).workingPaper();
		if (paper == null) {
			throw new IllegalStateException("No working paper is configured for " + execution.getVariable(CONVENTION));
		}
		return paper;
	}

	private static LocalDate meetingFirstDay(VariableScope execution) {
		return LocalDate.parse((String) execution.getVariable(MEETING_FIRST_DAY));
	}

}
