package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.calendar.DeadlinePlan;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.MeetingChanged;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateDeadlineChanged;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.request.ExtensionRequestStarted;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * Keeps one {@code deadline-watch} running for every State Party that will likely need an
 * extension: its clearance deadline D is still ahead, the meeting that would decide (the
 * calendar's target meeting M, the last one before D) has not opened yet, and no request
 * for that State and meeting is open. The watch of a State and meeting has the business
 * key {@code watch-CCM-LAO-14MSP}.
 * <ul>
 * <li>At startup every State is checked: missing watches start, stale ones end
 * (idempotent).</li>
 * <li>When a State's deadline changes in the registry, its watch <em>moves</em> by cancel
 * and restart: every date of a watch follows from M, so a deadline that keeps the same
 * meeting leaves the watch as it is (only {@code currentDeadline} is updated); one that
 * changes the meeting deletes the old watch and starts a new one (or none).</li>
 * <li>When a request for the State and meeting starts, the message
 * {@code ExtensionRequestStarted} ends the watch.</li>
 * </ul>
 * The three listeners are {@code @ApplicationModuleListener}s: Spring Modulith records
 * each event in its publication registry ({@code event_publication}) in the publishing
 * transaction and runs the listener after that transaction has committed, asynchronously
 * (Spring Modulith enables {@code @Async}). A listener holds no transaction itself (which
 * would hold a pooled connection while it waits for the next): the work on each State is
 * a transaction of its own, one at a time per State. They act as the system, without the
 * signed-in user's authorizations. A listener that fails leaves its event recorded as
 * incomplete and throws; Spring logs it, the user who edited the registry does not see
 * it, and the operations module's {@code EventResubmission} hands the event to the
 * listener again a few minutes later (every action here is idempotent). The startup run
 * repairs whatever is left.
 */
@Service
class DeadlineWatches implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatches.class);

	private final RuntimeService runtime;

	private final ManagementService management;

	private final TaskService tasks;

	private final DeadlineWatchDates dates;

	private final IdentityService identity;

	private final Registry registry;

	private final DeadlineCalendar calendar;

	private final TransactionTemplate newTransaction;

	private final Map<String, Object> stateLocks = new ConcurrentHashMap<>();

	private final ExtensionRequests requests;

	DeadlineWatches(RuntimeService runtime, ManagementService management, TaskService tasks, DeadlineWatchDates dates,
			IdentityService identity, Registry registry, DeadlineCalendar calendar,
			PlatformTransactionManager transactions, ExtensionRequests requests) {
		this.requests = requests;
		this.runtime = runtime;
		this.management = management;
		this.tasks = tasks;
		this.dates = dates;
		this.identity = identity;
		this.registry = registry;
		this.calendar = calendar;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public StartupStep step() {
		return StartupStep.DEADLINE_WATCHES;
	}

	@Override
	public void run() {
		int running = 0;
		for (Convention convention : Convention.values()) {
			for (StateParty state : this.registry.states(convention)) {
				if (safely(state.key(), "reconcile " + state.key(), () -> reconcile(state))) {
					running += watchesOf(state).size();
				}
			}
		}
		log.info("{} deadline watch(es) running", running);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StateDeadlineChanged event) {
		asSystem(event.convention() + "-" + event.code(),
				() -> this.registry.findState(event.convention(), event.code()).ifPresent(this::reconcile));
	}

	/**
	 * Realigns the watches of every State of the convention, each in its own transaction;
	 * when any failed, throws after trying all (the event stays incomplete and comes back
	 * for all of them).
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MeetingChanged event) {
		List<String> failed = new ArrayList<>();
		for (StateParty state : this.registry.states(event.convention())) {
			if (!safely(state.key(), "realign the watch of " + state.key() + " to the meetings",
					() -> reconcile(state))) {
				failed.add(state.key());
			}
		}
		if (!failed.isEmpty()) {
			throw new IllegalStateException("Could not realign the watches of " + failed + " after "
					+ event.convention() + " meeting " + event.code() + " changed");
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ExtensionRequestStarted event) {
		asSystem(event.convention() + "-" + event.stateCode(), () -> endWatch(
				DeadlineWatchProcess.businessKey(event.convention(), event.stateCode(), event.meetingCode())));
	}

	/**
	 * Starts, keeps, updates or ends the watches of a State so that exactly the one it
	 * should have runs.
	 */
	void reconcile(StateParty state) {
		Optional<DeadlinePlan> wanted = wantedWatch(state);
		String wantedKey = wanted.map((plan) -> key(state, plan)).orElse(null);
		boolean running = false;
		for (ProcessInstance watch : watchesOf(state)) {
			String requestKey = watch.getBusinessKey().substring("watch-".length());
			if (isRequestOpen(requestKey)) {
				endWatch(watch.getBusinessKey());
			}
			else if (watch.getBusinessKey().equals(wantedKey)) {
				realign(watch, state, wanted.get());
				running = true;
			}
			else {
				this.runtime.deleteProcessInstance(watch.getId(), "Deadline moved to " + state.clearanceDeadline()
						+ ": " + ((wantedKey != null) ? "watch moved to " + wantedKey : "no watch needed"));
				log.info("Deadline watch {} ended: the deadline of {} moved to {}", watch.getBusinessKey(), state.key(),
						state.clearanceDeadline());
			}
		}
		if (wanted.isPresent() && !running) {
			start(state, wanted.get());
		}
	}

	/**
	 * Keeps a running watch on the dates of its meeting as the registry now has them:
	 * when the meeting moved, the watch's dates move and its waiting timers are due anew
	 * (a reminder already sent is not sent again; one whose new date has passed goes out
	 * now).
	 */
	private void realign(ProcessInstance watch, StateParty state, DeadlinePlan plan) {
		Map<String, Object> wanted = dates(state, plan);
		Map<String, Object> current = this.runtime.getVariables(watch.getId(), wanted.keySet());
		if (current.equals(wanted)) {
			return;
		}
		this.runtime.setVariables(watch.getId(), wanted);
		boolean datesMoved = !wanted.get(MEETING_FIRST_DAY).equals(current.get(MEETING_FIRST_DAY))
				|| !wanted.get(CONTACT_ON).equals(current.get(CONTACT_ON))
				|| !wanted.get(SUBMISSION_DUE).equals(current.get(SUBMISSION_DUE));
		if (datesMoved) {
			this.management.createJobQuery()
				.processInstanceId(watch.getId())
				.timers()
				.list()
				.forEach((timer) -> this.management.recalculateJobDuedate(timer.getId(), false));
			this.tasks.createTaskQuery()
				.processInstanceId(watch.getId())
				.taskDefinitionKey(TASK_CONTACT_STATE)
				.list()
				.forEach((task) -> this.tasks.setDueDate(task.getId(), this.dates.contactDue(plan.deadlineWatch())));
			log.info("Deadline watch {} realigned: {} opens {}, contact on {}, submission due {}",
					watch.getBusinessKey(), plan.meeting().code(), plan.meeting().firstDay(), plan.deadlineWatch(),
					plan.submissionDue());
		}
	}

	private static Map<String, Object> dates(StateParty state, DeadlinePlan plan) {
		Map<String, Object> dates = new java.util.LinkedHashMap<>();
		dates.put(MEETING_FIRST_DAY, plan.meeting().firstDay().toString());
		dates.put(MEETING_PROVISIONAL, plan.meeting().provisional() || plan.meetingProjected());
		dates.put(CURRENT_DEADLINE, state.clearanceDeadline().toString());
		dates.put(CONTACT_ON, plan.deadlineWatch().toString());
		dates.put(SUBMISSION_DUE, plan.submissionDue().toString());
		return dates;
	}

	/**
	 * The plan a State's watch should follow, or none.
	 */
	Optional<DeadlinePlan> wantedWatch(StateParty state) {
		LocalDate today = DeadlineWatchDates.today();
		if (!state.clearanceDeadline().isAfter(today)) {
			return Optional.empty();
		}
		Optional<DeadlinePlan> plan = this.calendar.plan(state.convention(), state.clearanceDeadline(),
				this.registry.meetings(state.convention()));
		return plan.filter((p) -> p.meeting().firstDay().isAfter(today))
			.filter((p) -> !isRequestOpen(
					ExtensionRequestProcess.businessKey(state.convention().name(), state.code(), p.meeting().code())));
	}

	/**
	 * Whether a watch still matches the registry: its State's deadline is ahead and still
	 * leads to the watched meeting. A watch that a failed move left behind sends nothing.
	 */
	boolean isCurrent(String convention, String stateCode, String meetingCode) {
		return this.registry.findState(Convention.valueOf(convention), stateCode)
			.flatMap(this::wantedWatch)
			.map((plan) -> plan.meeting().code().equals(meetingCode))
			.orElse(false);
	}

	private void start(StateParty state, DeadlinePlan plan) {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		variables.put(CONVENTION, state.convention().name());
		variables.put(STATE_CODE, state.code());
		variables.put(STATE_NAME, state.name());
		variables.put(MEETING_CODE, plan.meeting().code());
		variables.putAll(dates(state, plan));
		String key = key(state, plan);
		this.runtime.startProcessInstanceByKey(PROCESS_KEY, key, variables);
		log.info("Deadline watch {} started (contact on {}, submission due {})", key, plan.deadlineWatch(),
				plan.submissionDue());
	}

	private void endWatch(String watchKey) {
		this.runtime.createMessageCorrelation(MESSAGE_REQUEST_STARTED)
			.processInstanceBusinessKey(watchKey)
			.correlateAllWithResult()
			.forEach((result) -> log.info("Deadline watch {} ended: a request started", watchKey));
	}

	List<ProcessInstance> watchesOf(StateParty state) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKeyLike("watch-" + state.key() + "-%")
			.list();
	}

	private boolean isRequestOpen(String requestKey) {
		return this.requests.isOpen(requestKey);
	}

	/**
	 * Whether the request of the watched State and meeting is already open (the message
	 * that ends the watch may not have arrived yet).
	 */
	boolean requestOpen(DelegateExecution watch) {
		return isRequestOpen(ExtensionRequestProcess.businessKey((String) watch.getVariable(CONVENTION),
				(String) watch.getVariable(STATE_CODE), (String) watch.getVariable(MEETING_CODE)));
	}

	private static String key(StateParty state, DeadlinePlan plan) {
		return DeadlineWatchProcess.businessKey(state.convention().name(), state.code(), plan.meeting().code());
	}

	/**
	 * Runs a system action on a State's watches in a new transaction, without the current
	 * user's authorizations, while no other thread of this node acts on that State's
	 * watches (the listeners run asynchronously, beside the startup run and each other):
	 * a watch started by one is seen by the next.
	 */
	private void asSystem(String stateKey, Runnable action) {
		synchronized (this.stateLocks.computeIfAbsent(stateKey, (key) -> new Object())) {
			AsSystem.call(this.identity, () -> this.newTransaction.execute((status) -> {
				action.run();
				return null;
			}));
		}
	}

	/**
	 * Runs a system action like {@link #asSystem}; logs instead of throwing.
	 * @return whether it succeeded
	 */
	private boolean safely(String stateKey, String what, Runnable action) {
		try {
			asSystem(stateKey, action);
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not {}: {}", what, ex.toString());
			return false;
		}
	}

}
