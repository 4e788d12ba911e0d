package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingChanged;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * Keeps one {@code coordination-work-plan} instance for every meeting of States Parties
 * or review conference that has not closed yet, business key {@code WP-CCM-14MSP}. Each
 * waits until its cycle opens (by default the day after the previous meeting closes, see
 * {@code clearance.workplan.cycle-opens-after}) and then creates its tasks.
 * <ul>
 * <li>At startup and whenever a meeting of the convention is registered or changed
 * ({@link MeetingChanged}, the event that also realigns the deadline watches), missing
 * instances start (idempotent: an instance that ever ran for the cycle is not started
 * again), and running ones realign: the cycle's opening, the meeting's first day and the
 * due dates of the open tasks follow the registry.</li>
 * <li>An instance whose meeting no longer decides on extensions (it became an
 * intersessional meeting) is deleted.</li>
 * </ul>
 * These are system actions in a transaction of their own; a failure is logged (the next
 * startup repairs it).
 */
@Service
class WorkPlanCycles implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(WorkPlanCycles.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	private final ManagementService management;

	private final TaskService tasks;

	private final IdentityService identity;

	private final Registry registry;

	private final WorkPlanDates dates;

	private final WorkPlanProperties properties;

	private final TransactionTemplate newTransaction;

	WorkPlanCycles(RuntimeService runtime, HistoryService history, ManagementService management, TaskService tasks,
			IdentityService identity, Registry registry, WorkPlanDates dates, WorkPlanProperties properties,
			PlatformTransactionManager transactions) {
		this.runtime = runtime;
		this.history = history;
		this.management = management;
		this.tasks = tasks;
		this.identity = identity;
		this.registry = registry;
		this.dates = dates;
		this.properties = properties;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public StartupStep step() {
		return StartupStep.WORK_PLAN_CYCLES;
	}

	@Override
	public void run() {
		if (this.properties.startCycles()) {
			for (Convention convention : Convention.values()) {
				safely(convention);
			}
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MeetingChanged event) {
		if (this.properties.startCycles()) {
			safely(event.convention());
		}
	}

	private void safely(Convention convention) {
		try {
			AsSystem.call(this.identity, () -> this.newTransaction.execute((status) -> {
				reconcile(convention);
				return null;
			}));
		}
		catch (RuntimeException ex) {
			log.warn("Could not align the work plans of the {}: {}", convention, ex.toString());
		}
	}

	/**
	 * Starts the missing work plans of a convention and realigns the running ones.
	 */
	void reconcile(Convention convention) {
		LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
		List<Meeting> meetings = this.registry.meetings(convention)
			.stream()
			.filter((meeting) -> meeting.kind().decidesExtensions())
			.sorted(Comparator.comparing(Meeting::firstDay))
			.toList();
		Set<String> deciding = meetings.stream()
			.map((meeting) -> businessKey(convention.name(), meeting.code()))
			.collect(Collectors.toSet());
		for (ProcessInstance instance : running(convention)) {
			if (!deciding.contains(instance.getBusinessKey())) {
				this.runtime.deleteProcessInstance(instance.getId(), "The meeting no longer decides on extensions");
				log.info("Work plan {} ended: its meeting no longer decides on extensions", instance.getBusinessKey());
			}
		}
		for (int i = 0; i < meetings.size(); i++) {
			Meeting meeting = meetings.get(i);
			if (meeting.lastDay().isBefore(today)) {
				continue;
			}
			LocalDate opens = (i > 0) ? meetings.get(i - 1).lastDay().plus(this.properties.cycleOpensAfter())
					: meeting.firstDay().minus(this.properties.firstCycleLead());
			String key = businessKey(convention.name(), meeting.code());
			ProcessInstance instance = this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(PROCESS_KEY)
				.processInstanceBusinessKey(key)
				.singleResult();
			if (instance != null) {
				realign(instance, meeting, opens);
			}
			else if (this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(PROCESS_KEY)
				.processInstanceBusinessKey(key)
				.count() == 0) {
				Map<String, Object> variables = new LinkedHashMap<>();
				variables.put(CONVENTION, convention.name());
				variables.put(MEETING_CODE, meeting.code());
				variables.putAll(dates(meeting, opens));
				this.runtime.startProcessInstanceByKey(PROCESS_KEY, key, variables);
				log.info("Work plan {} started: the cycle opens {}", key, opens);
			}
		}
	}

	private static Map<String, Object> dates(Meeting meeting, LocalDate opens) {
		Map<String, Object> dates = new LinkedHashMap<>();
		dates.put(MEETING_FIRST_DAY, meeting.firstDay().toString());
		dates.put(CYCLE_OPENS_ON, opens.toString());
		return dates;
	}

	/**
	 * Moves a running work plan to its meeting's dates as the registry now has them: the
	 * cycle's opening timer and the due date of every open task.
	 */
	private void realign(ProcessInstance instance, Meeting meeting, LocalDate opens) {
		Map<String, Object> wanted = dates(meeting, opens);
		Map<String, Object> current = this.runtime.getVariables(instance.getId(), wanted.keySet());
		if (current.equals(wanted)) {
			return;
		}
		this.runtime.setVariables(instance.getId(), wanted);
		this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.list()
			.forEach((timer) -> this.management.recalculateJobDuedate(timer.getId(), false));
		for (Task task : this.tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
			Date due = this.dates.taskDue((name) -> this.runtime.getVariable(task.getExecutionId(), name),
					task.getTaskDefinitionKey());
			if (due != null && !due.equals(task.getDueDate())) {
				this.tasks.setDueDate(task.getId(), due);
			}
		}
		log.info("Work plan {} realigned: {} opens {}, the cycle opens {}", instance.getBusinessKey(), meeting.code(),
				meeting.firstDay(), opens);
	}

	private List<ProcessInstance> running(Convention convention) {
		return new ArrayList<>(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKeyLike("WP-" + convention.name() + "-%")
			.list());
	}

}
