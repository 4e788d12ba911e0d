package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.workplan.WorkPlanProperties.Activity;
import org.isu.clearance.workplan.WorkPlanProperties.Plan;
import org.isu.clearance.workplan.WorkPlanProperties.Step;
import org.isu.clearance.workplan.WorkPlanProperties.WorkingPaper;

import org.springframework.stereotype.Service;

import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * The coordinators' work plan of one cycle as it stands: every item of the convention's
 * plan (its activities and the working paper's steps, one per language for the
 * translation) with its quarter, owner group, due day and status — {@code planned} (no
 * task yet: the cycle has not opened or the step is not reached), {@code open},
 * {@code overdue} or {@code done} with what the task recorded. Read from the engine's
 * history as the system: the work-plan page and the quarterly digest show it to readers
 * who do not own the tasks.
 */
@Service
public class WorkPlanActivities {

	public static final String PLANNED = "planned";

	public static final String OPEN = "open";

	public static final String OVERDUE = "overdue";

	public static final String DONE = "done";

	private final HistoryService history;

	private final IdentityService identity;

	private final WorkPlanDates dates;

	private final WorkPlanSchedule schedule;

	private final Registry registry;

	WorkPlanActivities(HistoryService history, IdentityService identity, WorkPlanDates dates, WorkPlanSchedule schedule,
			Registry registry) {
		this.history = history;
		this.identity = identity;
		this.dates = dates;
		this.schedule = schedule;
		this.registry = registry;
	}

	/**
	 * The items of the cycle towards a meeting, in due order, labelled in a language
	 * ({@code en} or {@code fr}; English where the configuration has no label).
	 */
	public List<ActivityItem> cycle(Meeting meeting, String language) {
		return AsSystem.call(this.identity, () -> read(meeting, language));
	}

	/**
	 * The convention's next meeting that decides on extensions and has not closed on a
	 * day, the meeting its work plan leads to.
	 */
	public Optional<Meeting> currentMeeting(Convention convention, LocalDate day) {
		return this.registry.meetings(convention)
			.stream()
			.filter((meeting) -> meeting.kind().decidesExtensions() && !meeting.lastDay().isBefore(day))
			.min(Comparator.comparing(Meeting::firstDay));
	}

	/**
	 * The quarter of a convention's cycle a day falls in, named by its place before the
	 * convention's own meeting, with the work-plan tasks still open that fall due in it.
	 */
	public Optional<QuarterOfCycle> quarterOf(Convention convention, LocalDate day, String language) {
		return currentMeeting(convention, day).flatMap((meeting) -> this.schedule.cycleTowards(meeting.firstDay())
			.stream()
			.filter((quarter) -> quarter.contains(day))
			.findFirst()
			.map((quarter) -> new QuarterOfCycle(convention, meeting, quarter,
					cycle(meeting, language).stream()
						.filter((item) -> item.isOpen() && quarter.contains(item.due()))
						.toList())));
	}

	private List<ActivityItem> read(Meeting meeting, String language) {
		Plan plan = this.dates.plan(meeting.convention());
		List<PlannedItem> planned = new ArrayList<>();
		for (Activity activity : plan.activities()) {
			planned.add(new PlannedItem("activity:" + activity.id(), activity.quarter(), activity.label(language),
					activity.group(), activity.meeting()));
		}
		WorkingPaper paper = plan.workingPaper();
		if (paper != null) {
			for (String step : WORKING_PAPER_STEPS) {
				Step config = paper.step(step);
				if ("translate".equals(step)) {
					for (String to : paper.languages()) {
						planned.add(new PlannedItem("translate:" + to, config.quarter(),
								config.label(language) + " (" + to + ")", paper.group(), false));
					}
				}
				else {
					planned.add(new PlannedItem("step:" + step, config.quarter(), config.label(language), paper.group(),
							"present".equals(step)));
				}
			}
		}
		Map<String, HistoricTaskInstance> tasks = new HashMap<>();
		Map<String, Map<String, Object>> recorded = new HashMap<>();
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(businessKey(meeting.convention().name(), meeting.code()))
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (instance != null) {
			Map<String, HistoricTaskInstance> byId = new HashMap<>();
			this.history.createHistoricTaskInstanceQuery()
				.processInstanceId(instance.getId())
				.list()
				.forEach((task) -> byId.put(task.getId(), task));
			for (HistoricVariableInstance variable : this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableNameIn(ITEM, OUTCOME_NOTE, HELD_ON, DOCUMENT_SYMBOL)
				.list()) {
				if (ITEM.equals(variable.getName()) && byId.containsKey(variable.getTaskId())) {
					tasks.put((String) variable.getValue(), byId.get(variable.getTaskId()));
				}
				else if (variable.getActivityInstanceId() != null && variable.getValue() != null) {
					recorded.computeIfAbsent(variable.getActivityInstanceId(), (id) -> new HashMap<>())
						.put(variable.getName(), variable.getValue());
				}
			}
		}
		Date now = ClockUtil.getCurrentTime();
		List<ActivityItem> items = new ArrayList<>();
		for (PlannedItem item : planned) {
			HistoricTaskInstance task = tasks.get(item.item());
			if (task == null) {
				items.add(new ActivityItem(item.item(), item.quarter(), item.label(), item.group(), item.meeting(),
						this.dates.dueDay(meeting.firstDay(), item.quarter()), PLANNED, null, null, null, null, null));
				continue;
			}
			Map<String, Object> values = recorded.getOrDefault(task.getActivityInstanceId(), Map.of());
			String status = (task.getEndTime() != null) ? DONE
					: (task.getDueDate() != null && task.getDueDate().before(now)) ? OVERDUE : OPEN;
			items.add(new ActivityItem(item.item(), item.quarter(), item.label(), item.group(), item.meeting(),
					(task.getDueDate() != null) ? day(task.getDueDate())
							: this.dates.dueDay(meeting.firstDay(), item.quarter()),
					status, task.getId(), (task.getEndTime() != null) ? day(task.getEndTime()) : null,
					(String) values.get(OUTCOME_NOTE), (String) values.get(HELD_ON),
					(String) values.get(DOCUMENT_SYMBOL)));
		}
		items.sort(Comparator.comparing(ActivityItem::due));
		return items;
	}

	private static LocalDate day(Date date) {
		return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
	}

	private record PlannedItem(String item, String quarter, String label, String group, boolean meeting) {

	}

	/**
	 * One item of the work plan.
	 *
	 * @param item such as {@code activity:priorities-with-isu}, {@code step:draft},
	 * {@code translate:fr}
	 * @param quarter the quarter it is due at the end of, such as {@code Q1}
	 * @param status {@code planned}, {@code open}, {@code overdue} or {@code done}
	 * @param taskId its task, null while planned
	 * @param doneOn the day it was done
	 * @param heldOn for a meeting, the day it was held as recorded
	 * @param documentSymbol for a translation or the official document, its symbol
	 */
	public record ActivityItem(String item, String quarter, String label, String group, boolean meeting, LocalDate due,
			String status, String taskId, LocalDate doneOn, String outcomeNote, String heldOn, String documentSymbol) {

		public boolean isOpen() {
			return OPEN.equals(this.status) || OVERDUE.equals(this.status);
		}

	}

	/**
	 * The quarter of a convention's cycle and the work-plan tasks open in it.
	 */
	public record QuarterOfCycle(Convention convention, Meeting meeting, WorkPlanQuarter quarter,
			List<ActivityItem> open) {

	}

}
