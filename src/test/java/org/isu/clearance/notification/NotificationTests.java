package org.isu.clearance.notification;

import java.net.HttpCookie;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.document.Documents;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.SignedIn;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine writes to the outbox and how the {@code /mail} page shows it, without
 * an SMTP server (the default run): task mails once per person per task, reminders once
 * per firing, letters in the State's language.
 */
@ApplicationTest
class NotificationTests {

	@Autowired
	private Documents documents;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private IdentityService identity;

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestRestTemplate rest;

	@BeforeEach
	void setUp() {
		clock("2027-11-01T09:00:00");
	}

	@AfterEach
	void tearDown() {
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike("CCM-%-15MSP")
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
		this.identity.deleteUserInfo("ag-member", Recipients.LANGUAGE_INFO);
		this.identity.deleteUserInfo("ag-member2", Recipients.LANGUAGE_INFO);
		ClockUtil.reset();
	}

	@Test
	void aGroupTaskMailsEachMemberOnceAndAssignmentsMailTheAssignee() {
		this.identity.setUserInfo("ag-member", Recipients.LANGUAGE_INFO, "fr");
		this.identity.setUserInfo("ag-member2", Recipients.LANGUAGE_INFO, "fr");
		String instance = start("MNE", Language.en);
		Task check = task(instance, "Task_CheckCompleteness");

		List<Map<String, Object>> mails = mails("assigned:" + check.getId() + ":%");
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail).containsEntry("RECIPIENT", "isu-officer@example.org")
				.containsEntry("KIND", "task-assigned")
				.containsEntry("LANGUAGE", "en")
				.containsEntry("BUSINESS_KEY", "CCM-MNE-15MSP")
				.containsEntry("TASK_ID", check.getId());
			assertThat((String) mail.get("SUBJECT")).startsWith("New task: ").endsWith("State MNE");
			assertThat((String) mail.get("BODY_TEXT")).contains("Dear Ines Moreau,", "waiting for your group",
					"Implementation Support Unit", "/camunda/app/tasklist/default/#/?task=" + check.getId());
			assertThat((String) mail.get("BODY_HTML")).contains("?task=" + check.getId());
		});

		// the candidate who claims it already knows: no second mail
		this.tasks.claim(check.getId(), "isu-officer");
		assertThat(mails("assigned:" + check.getId() + ":%")).hasSize(1);

		DocumentFixtures.attach(this.documents,
				this.runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey(),
				"request", "en");
		this.tasks.complete(check.getId(), Map.of("requestComplete", true));
		Task review = task(instance, "Task_PreliminaryReview");
		String rapporteur = review.getAssignee();
		assertThat(mails("assigned:" + review.getId() + ":%")).singleElement().satisfies((mail) -> {
			assertThat(mail).containsEntry("RECIPIENT", rapporteur + "@example.org").containsEntry("LANGUAGE", "fr");
			assertThat((String) mail.get("SUBJECT")).startsWith("Nouvelle tâche : ");
			assertThat((String) mail.get("BODY_TEXT")).contains("vous est confiée");
		});

		String other = "ag-member".equals(rapporteur) ? "ag-member2" : "ag-member";
		this.tasks.setAssignee(review.getId(), other);
		assertThat(mails("assigned:" + review.getId() + ":%")).extracting((mail) -> mail.get("RECIPIENT"))
			.containsExactlyInAnyOrder(rapporteur + "@example.org", other + "@example.org");
	}

	@Test
	void aReplayedReminderWritesNothingTwice() {
		String instance = start("MKD", Language.en);
		Task check = task(instance, "Task_CheckCompleteness");
		ClockUtil.setCurrentTime(Date.from(check.getDueDate().toInstant().minusSeconds(3 * 24 * 3600)));

		for (int replay = 0; replay < 2; replay++) {
			this.runtime.createProcessInstanceModification(instance)
				.startBeforeActivity("Task_RemindCheckCompletenessDueSoon")
				.execute();
			runJobs(instance);
		}

		List<Map<String, Object>> reminders = mails("due-soon:" + check.getId() + ":%");
		assertThat(reminders).singleElement().satisfies((mail) -> {
			assertThat(mail).containsEntry("RECIPIENT", "isu-officer@example.org");
			assertThat((String) mail.get("SUBJECT")).startsWith("Due soon: ").contains(" – State ");
			assertThat((String) mail.get("BODY_TEXT")).contains("falls due on " + day(check.getDueDate()),
					"?task=" + check.getId());
		});
	}

	@Test
	void overdueRemindersAlsoGoToTheCoordinatorsEveryWeek() {
		String instance = start("SRB", Language.en);
		Task check = task(instance, "Task_CheckCompleteness");
		ClockUtil.setCurrentTime(check.getDueDate());
		Job overdue = timer(instance, "Timer_CheckCompletenessOverdue");
		this.management.executeJob(overdue.getId());
		runJobs(instance);
		ClockUtil.setCurrentTime(Date.from(check.getDueDate().toInstant().plusSeconds(7 * 24 * 3600)));
		this.management.executeJob(timer(instance, "Timer_CheckCompletenessOverdue").getId());
		runJobs(instance);

		assertThat(mails("overdue:" + check.getId() + ":%")).extracting((mail) -> mail.get("RECIPIENT"))
			.containsExactlyInAnyOrder("isu-officer@example.org", "coordinator@example.org", "isu-officer@example.org",
					"coordinator@example.org");
	}

	@Test
	void lettersGoToTheFocalPointInItsLanguage() {
		String french = start("MCO", Language.fr);
		String spanish = start("AND", Language.es);

		assertThat(mails("state:acknowledgement:" + french + ":%")).singleElement().satisfies((mail) -> {
			assertThat(mail).containsEntry("RECIPIENT", "focal.mco@example.org")
				.containsEntry("LANGUAGE", "fr")
				.containsEntry("REQUESTED_LANGUAGE", "fr");
			assertThat((String) mail.get("SUBJECT")).startsWith("Accusé de réception : ");
			assertThat((String) mail.get("BODY_TEXT")).startsWith("Madame, Monsieur,");
		});
		assertThat(mails("state:acknowledgement:" + spanish + ":%")).singleElement().satisfies((mail) -> {
			assertThat(mail).containsEntry("LANGUAGE", "es").containsEntry("REQUESTED_LANGUAGE", "es");
			assertThat((String) mail.get("SUBJECT"))
				.isEqualTo("Acuse de recibo: solicitud de prórroga – State AND (CCM, 15MSP)");
			assertThat((String) mail.get("BODY_TEXT")).startsWith("Estimado punto focal:")
				.contains("recibió el 2027-11-01 la solicitud de State AND")
				.endsWith("Dependencia de Apoyo a la Aplicación\n");
		});
	}

	@Test
	void aLetterWithNoTemplateInTheStatesLanguageGoesOutInEnglishAndTheMailPageSaysSo() {
		String russian = start("KAZ", Language.ru);

		Map<String, Object> letter = mails("state:acknowledgement:" + russian + ":%").get(0);
		assertThat(letter).containsEntry("LANGUAGE", "en").containsEntry("REQUESTED_LANGUAGE", "ru");
		assertThat((String) letter.get("SUBJECT")).startsWith("Acknowledgement of receipt: ");

		String list = get("coordinator", "/mail?kind=state-acknowledgement&businessKey=CCM-KAZ-15MSP").getBody();
		assertThat(list).contains("focal.kaz@example.org", "Sent in English: no Russian template");
		assertThat(get("coordinator", "/mail/" + ((Number) letter.get("ID")).longValue()).getBody())
			.contains("Sent in English: no Russian template");
		// a mail in the language asked for says nothing of the kind
		assertThat(get("coordinator", "/mail?kind=task-assigned&businessKey=CCM-KAZ-15MSP").getBody())
			.contains("isu-officer@example.org")
			.doesNotContain("Sent in English");
	}

	@Test
	void theMailPageIsForCoordinatorsAndAdministrators() {
		String instance = start("SMR", Language.en);
		long id = mails("state:acknowledgement:" + instance + ":%").get(0).get("ID") instanceof Number number
				? number.longValue() : -1;

		ResponseEntity<String> list = get("coordinator", "/mail?kind=state-acknowledgement&businessKey=smr");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).contains("Acknowledgement of receipt", "focal.smr@example.org", "CCM-SMR-15MSP",
				"pending", "/css/mail.css");
		assertThat(get("coordinator", "/mail?kind=task-assigned&businessKey=CCM-SMR-15MSP").getBody())
			.doesNotContain("focal.smr@example.org")
			.contains("isu-officer@example.org");
		assertThat(get("demo-admin", "/mail?status=pending").getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> one = get("coordinator", "/mail/" + id);
		assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(one.getBody()).contains("Dear focal point,", "sandbox=\"\"", "srcdoc=\"&lt;!DOCTYPE html&gt;")
			.doesNotContain("Retry now");

		assertThat(get("isu-officer", "/mail").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("coordinator", "/mail?status=lost").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("coordinator", "/mail/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		HttpHeaders browser = new HttpHeaders();
		browser.setAccept(List.of(MediaType.TEXT_HTML));
		assertThat(this.rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/mail", HttpMethod.GET, new HttpEntity<>(browser), String.class)
			.getHeaders()
			.getLocation()).hasPath("/login");
	}

	@Test
	void onlyAnAdministratorRetriesAFailedMailAndOnlyWithTheCsrfToken() {
		long id = failedMail("retry-" + System.nanoTime());

		assertThat(this.rest.withBasicAuth("coordinator", "demo")
			.postForEntity("/mail/" + id + "/retry", null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		String session = login("demo-admin");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		String page = this.rest.exchange("/mail/" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class)
			.getBody();
		assertThat(page).contains("Retry now");
		TestRestTemplate browser = this.rest.withRedirects(Redirects.DONT_FOLLOW);
		assertThat(browser
			.exchange("/mail/" + id + "/retry", HttpMethod.POST, new HttpEntity<>(new LinkedMultiValueMap<>(), headers),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(id)).isEqualTo("failed");

		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", csrf(page));
		ResponseEntity<String> retried = browser.exchange("/mail/" + id + "/retry", HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(retried.getHeaders().getLocation()).hasPath("/mail/" + id);
		assertThat(status(id)).isEqualTo("pending");
		// only a failed mail can be retried
		assertThat(browser
			.exchange("/mail/" + id + "/retry", HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void statisticsCountWhatWaitsAndWhatFailed() {
		OutboxStatistics before = this.outbox.statistics();
		failedMail("stats-" + System.nanoTime());
		this.outbox.enqueue(new OutgoingMail("stats-pending-" + System.nanoTime(), "test", "someone@example.org", "en",
				"Subject", "Text", null, null, null, null));
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(600)));

		OutboxStatistics after = this.outbox.statistics();

		assertThat(after.pending()).isEqualTo(before.pending() + 1);
		assertThat(after.failed()).isEqualTo(before.failed() + 1);
		assertThat(after.oldestPendingAge()).isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(10));
	}

	@Test
	void aKeyIsWrittenOnce() {
		String key = "once-" + System.nanoTime();
		OutgoingMail mail = new OutgoingMail(key, "test", "someone@example.org", "en", "Hello\r\nBcc: x@example.org",
				"Text", null, null, null, null);

		assertThat(this.outbox.enqueue(mail)).isTrue();
		assertThat(this.outbox.enqueue(mail)).isFalse();
		assertThat(mails(key)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("SUBJECT", "Hello Bcc: x@example.org"));
	}

	private String start(String code, Language language) {
		if (this.registry.findState(Convention.CCM, code).isEmpty()) {
			this.registry.createState(new StatePartyInput(Convention.CCM, code, "State " + code,
					LocalDate.parse("2012-01-01"), LocalDate.parse("2028-11-01"),
					"focal." + code.toLowerCase() + "@example.org", language, null, "test"));
		}
		Map<String, Object> input = new HashMap<>();
		input.put("convention", "CCM");
		input.put("stateCode", code);
		input.put("requestedDeadline", "2031-11-01");
		input.put("submittedOn", "2027-11-01");
		input.put("summary", "More time is needed.");
		String instance = this.requests.start(input).processInstanceId();
		runJobs(instance);
		return instance;
	}

	private void runJobs(String instance) {
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = this.management.createJobQuery()
				.processInstanceId(instance)
				.messages()
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> this.management.executeJob(job.getId()));
		}
	}

	private Task task(String instance, String key) {
		return this.tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
	}

	private Job timer(String instance, String activityId) {
		return this.management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
	}

	private List<Map<String, Object>> mails(String keyPattern) {
		return Rows.of(this.jdbc, "select * from outbox_mail where idempotency_key like ? order by id", keyPattern);
	}

	private long failedMail(String key) {
		this.outbox.enqueue(new OutgoingMail(key, "test", "nobody@invalid", "en", "Undeliverable", "Text",
				"<p>Text</p>", null, null, null));
		this.jdbc
			.sql("update outbox_mail set status = 'failed', attempts = 5, last_error = 'refused' "
					+ "where idempotency_key = ?")
			.param(key)
			.update();
		return this.jdbc.sql("select id from outbox_mail where idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from outbox_mail where id = ?").param(id).query(String.class).single();
	}

	private ResponseEntity<String> get(String user, String path) {
		return SignedIn.as(this.rest, user).getForEntity(path, String.class);
	}

	private String login(String user) {
		ResponseEntity<String> loginPage = this.rest.getForEntity("/login", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(loginPage));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", "demo");
		form.add("_csrf", csrf(loginPage.getBody()));
		ResponseEntity<String> login = this.rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		return cookie(login);
	}

	private static String csrf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
		return csrf.group(1);
	}

	private static String cookie(ResponseEntity<?> response) {
		return response.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	private static void clock(String dateTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant()));
	}

	private static String day(Date date) {
		return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault()).toString();
	}

	static Timestamp at(String dateTime) {
		return Timestamp.valueOf(LocalDateTime.parse(dateTime));
	}

}
