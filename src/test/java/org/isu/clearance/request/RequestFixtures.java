package org.isu.clearance.request;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.document.Documents;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;

import org.springframework.context.ApplicationContext;

/**
 * Builds what the process tests need: States with a chosen deadline, start variables and
 * outcome variables that pass validation.
 */
public final class RequestFixtures {

	private RequestFixtures() {
	}

	/**
	 * A CCM State Party only the calling test uses.
	 */
	public static void state(Registry registry, String code, String deadline) {
		state(registry, Convention.CCM, code, deadline);
	}

	/**
	 * A State Party of the convention only the calling test uses.
	 */
	static void state(Registry registry, Convention convention, String code, String deadline) {
		if (registry.findState(convention, code).isEmpty()) {
			registry.createState(new StatePartyInput(convention, code, "State " + code, LocalDate.parse("2012-01-01"),
					LocalDate.parse(deadline), "focal." + code.toLowerCase() + "@example.org", Language.fr, null,
					"test"));
		}
	}

	/**
	 * A CCM request of a State only the calling test uses (deadline 1 November 2028,
	 * 15MSP), found complete with its request in the record and waiting at its
	 * preliminary review, assigned to the rapporteur.
	 * @return the preliminary review task
	 */
	static Task atPreliminaryReview(ApplicationContext context, String code) {
		state(context.getBean(Registry.class), code, "2028-11-01");
		String instance = context.getBean(ExtensionRequests.class)
			.start(start(code, "2031-11-01", "2026-11-20"))
			.processInstanceId();
		RuntimeService runtime = context.getBean(RuntimeService.class);
		TaskService tasks = context.getBean(TaskService.class);
		runAsyncSteps(context.getBean(ManagementService.class),
				runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult());
		Task check = tasks.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS)
			.singleResult();
		DocumentFixtures.attach(context.getBean(Documents.class), "CCM-" + code + "-15MSP", "request", "en");
		tasks.complete(check.getId(), Map.of(ExtensionRequestProcess.REQUEST_COMPLETE, true));
		return tasks.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW)
			.singleResult();
	}

	/**
	 * The Analysis Group member who is not the given one.
	 */
	static String otherReviewer(String reviewer) {
		return "ag-member".equals(reviewer) ? "ag-member2" : "ag-member";
	}

	static Map<String, Object> start(String code, String requestedDeadline, String submittedOn) {
		Map<String, Object> input = new HashMap<>();
		input.put("convention", "CCM");
		input.put("stateCode", code);
		input.put("requestedDeadline", requestedDeadline);
		input.put("submittedOn", submittedOn);
		input.put("summary", "Clearance of the remaining contaminated area needs more time.");
		return input;
	}

	static void clock(String dateTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant()));
	}

	static Date at(String date, String time) {
		return Date.from(LocalDateTime.parse(date + "T" + time).atZone(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * Runs the asynchronous continuations (letters, reminders) waiting in the instance,
	 * as the job executor would.
	 */
	static void runAsyncSteps(ManagementService management, ProcessInstance instance) {
		runAsyncSteps(management, instance.getId());
	}

	/**
	 * Runs the asynchronous continuations waiting in the instance, as the job executor
	 * would.
	 */
	public static void runAsyncSteps(ManagementService management, String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			var jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				management.executeJob(job.getId());
			}
		}
	}

	/**
	 * Starts a CCM request of the State (registered with {@link #state}) through the
	 * application and runs its first asynchronous steps.
	 * @return its business key
	 */
	public static String startRequest(ExtensionRequests requests, ManagementService management, String code,
			String requestedDeadline, String submittedOn) {
		Map<String, Object> input = start(code, requestedDeadline, submittedOn);
		input.put("summary", "Clearance of the remaining contaminated area of " + code + " needs more time.");
		ExtensionRequests.StartedRequest started = requests.start(input);
		runAsyncSteps(management, started.processInstanceId());
		return started.businessKey();
	}

	/**
	 * Claims (unless assigned) and completes the instance's task with the variables given
	 * as name, value pairs, then runs the asynchronous steps that follow.
	 */
	public static void complete(TaskService tasks, ManagementService management, String processInstanceId,
			String taskKey, String user, Object... keyValues) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.list()
			.get(0);
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), user);
		}
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		tasks.complete(task.getId(), variables);
		runAsyncSteps(management, processInstanceId);
	}

	/**
	 * Completes the instance's one task of that key with the variables, as its assignee
	 * would (no claim, no asynchronous steps run).
	 */
	public static void completeTask(TaskService tasks, String processInstanceId, String taskKey,
			Map<String, Object> variables) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new AssertionError("No open task " + taskKey + " in " + processInstanceId);
		}
		tasks.complete(task.getId(), variables);
	}

	static Map<String, Object> preliminaryReview(boolean questions) {
		Map<String, Object> v = new HashMap<>();
		v.put("preliminaryFindings", "The work plan is costed; the remaining area is well surveyed.");
		v.put("questionsForState", questions);
		v.put("questions", questions ? "Please detail the national funding for 2027-2029." : "");
		return v;
	}

	/**
	 * The reviewing body's assessment of the State's answers, with or without another
	 * round of questions.
	 */
	static Map<String, Object> answersReview(boolean furtherQuestions) {
		Map<String, Object> v = new HashMap<>();
		v.put("answersAssessment", "The answers settle the funding; the survey method needs no more detail.");
		v.put("furtherQuestions", furtherQuestions);
		v.put("nextQuestions", furtherQuestions ? "Please send the updated survey map of the northern provinces." : "");
		return v;
	}

	static Map<String, Object> finalReview(String recommendation, String recommendedDeadline) {
		Map<String, Object> v = new HashMap<>();
		v.put("analysis", "The request is realistic given the survey and the resources.");
		v.put("draftDecision", "The Meeting grants the request.");
		v.put("recommendation", recommendation);
		v.put("recommendedDeadline", recommendedDeadline);
		return v;
	}

	static Map<String, Object> endorsement(boolean endorsed, String comments) {
		Map<String, Object> v = new HashMap<>();
		v.put("endorsed", endorsed);
		v.put("endorsementComments", comments);
		return v;
	}

	static Map<String, Object> translation(String symbol) {
		Map<String, Object> v = new HashMap<>();
		v.put("documentSymbol", symbol);
		v.put("translationConfirmed", true);
		return v;
	}

	static Map<String, Object> decision(String decision, String newDeadline) {
		Map<String, Object> v = new HashMap<>();
		v.put("decision", decision);
		v.put("newDeadline", newDeadline);
		v.put("decisionDocument", "CCM/MSP/2027/9");
		return v;
	}

	/**
	 * Variables from name, value pairs (values may be {@code null}).
	 */
	public static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			v.put((String) keyValues[i], keyValues[i + 1]);
		}
		return v;
	}

}
