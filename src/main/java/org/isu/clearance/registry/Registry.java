package org.isu.clearance.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.isu.clearance.shared.ConflictException;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of States Parties, their clearance deadlines and the meetings of each
 * convention. Every write is one transaction: a rejected input leaves nothing behind.
 */
@Service
public class Registry {

	private final RegistryRepository repository;

	private final ApplicationEventPublisher events;

	private final RegistryAudit audit;

	Registry(RegistryRepository repository, ApplicationEventPublisher events, RegistryAudit audit) {
		this.repository = repository;
		this.events = events;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<StateParty> states(Convention convention) {
		return this.repository.findStates(convention);
	}

	@Transactional(readOnly = true)
	public Optional<StateParty> findState(Convention convention, String code) {
		return this.repository.findState(convention, normalize(code));
	}

	public StateParty state(Convention convention, String code) {
		return findState(convention, code)
			.orElseThrow(() -> new NotFoundException("No State Party " + code + " under the " + convention));
	}

	@Transactional
	public StateParty createState(StatePartyInput input) {
		StatePartyInput normalized = check(input);
		if (this.repository.findStateId(normalized.convention(), normalized.code()).isPresent()) {
			throw new ConflictException(
					"State Party " + normalized.code() + " is already registered under the " + normalized.convention());
		}
		this.repository.insertState(normalized);
		this.audit.record(RegistryAudit.STATE, normalized.convention(), normalized.code(), null,
				RegistryAudit.fields(normalized), orDefault(normalized.reason(), "Registered"));
		this.events.publishEvent(new StateDeadlineChanged(normalized.convention(), normalized.code(), null,
				normalized.clearanceDeadline()));
		return state(normalized.convention(), normalized.code());
	}

	@Transactional
	public StateParty updateState(Convention convention, String code, StatePartyInput input) {
		StatePartyInput normalized = check(input);
		String reason = RegistryAudit.requireReason(normalized.reason());
		if (normalized.convention() != convention) {
			throw new FieldValidationException("convention", "does not match the State Party being edited");
		}
		if (!normalized.code().equals(normalize(code))) {
			throw new FieldValidationException("code", "does not match the State Party being edited");
		}
		StateParty before = state(convention, code);
		this.repository.updateState(normalized);
		this.audit.record(RegistryAudit.STATE, convention, normalized.code(), RegistryAudit.fields(before),
				RegistryAudit.fields(normalized), reason);
		if (!before.clearanceDeadline().equals(normalized.clearanceDeadline())) {
			this.events.publishEvent(new StateDeadlineChanged(convention, normalized.code(), before.clearanceDeadline(),
					normalized.clearanceDeadline()));
		}
		return state(convention, normalized.code());
	}

	/**
	 * Records an extension decided by a meeting and moves the State Party's deadline to
	 * it.
	 */
	@Transactional
	public StateParty recordExtension(Convention convention, String code, ExtensionInput input) {
		StateParty before = state(convention, code);
		boolean granted = input.decision().startsWith("granted");
		boolean keepsDeadline = "refused".equals(input.decision()) || "not-considered-late".equals(input.decision());
		LocalDate newDeadline = keepsDeadline ? before.clearanceDeadline() : input.newDeadline();
		if (newDeadline == null) {
			throw new FieldValidationException("newDeadline", "is required for a " + input.decision() + " extension");
		}
		if (!keepsDeadline && !newDeadline.isAfter(before.clearanceDeadline())) {
			throw new FieldValidationException("newDeadline",
					"must be after the current deadline " + before.clearanceDeadline());
		}
		long id = this.repository.findStateId(convention, before.code()).orElseThrow();
		this.repository.insertExtension(id, new Extension(before.clearanceDeadline(), newDeadline, input.meetingCode(),
				input.decision(), input.decidedOn(), input.reference(), input.notes()));
		String reason = orDefault(input.reason(), "Extension " + input.decision() + " at the " + input.meetingCode()
				+ ((input.reference() != null) ? " (" + input.reference() + ")" : ""));
		this.audit.record(RegistryAudit.STATE, convention, before.code(), java.util.Map.of("extension", ""),
				java.util.Map.of("extension", input.decision() + " at the " + input.meetingCode()), reason);
		if (!granted) {
			return state(convention, before.code());
		}
		this.repository.updateDeadline(id, newDeadline);
		this.audit.record(RegistryAudit.STATE, convention, before.code(),
				java.util.Map.of("clearanceDeadline", before.clearanceDeadline()),
				java.util.Map.of("clearanceDeadline", newDeadline), reason);
		this.events.publishEvent(
				new StateDeadlineChanged(convention, before.code(), before.clearanceDeadline(), input.newDeadline()));
		return state(convention, before.code());
	}

	/**
	 * Records a State's Article 7 report for a reporting year (the calendar year it
	 * covers), replacing what was recorded for that year.
	 */
	@Transactional
	public Article7Report recordArticle7(Convention convention, String code, int reportingYear,
			Article7ReportInput input) {
		if (reportingYear < 1997 || reportingYear > 2200) {
			throw new FieldValidationException("reportingYear", "must be a year between 1997 and 2200");
		}
		long id = this.repository.findStateId(convention, normalize(code))
			.orElseThrow(() -> new NotFoundException("No State Party " + code + " of the " + convention));
		this.repository.upsertArticle7(id, reportingYear, input);
		return this.repository.findArticle7(convention, normalize(code), reportingYear).get(0);
	}

	/**
	 * What was recorded for a State's Article 7 reports, oldest year first.
	 */
	@Transactional(readOnly = true)
	public List<Article7Report> article7Reports(Convention convention, String code) {
		state(convention, code);
		return this.repository.findArticle7(convention, normalize(code), null);
	}

	/**
	 * Whether a State's report for a reporting year was received.
	 */
	@Transactional(readOnly = true)
	public boolean article7Received(Convention convention, String code, int reportingYear) {
		return this.repository.findArticle7(convention, normalize(code), reportingYear)
			.stream()
			.anyMatch(Article7Report::reportReceived);
	}

	/**
	 * The work plan's objectives counted per convention for a reporting year.
	 */
	@Transactional(readOnly = true)
	public List<Article7Counts> article7Counts(int reportingYear) {
		List<Article7Counts> counts = new java.util.ArrayList<>();
		for (Convention convention : Convention.values()) {
			int states = this.repository.findStates(convention).size();
			List<Article7Report> reports = this.repository.findArticle7(convention, null, reportingYear);
			int received = (int) reports.stream().filter(Article7Report::reportReceived).count();
			counts.add(new Article7Counts(convention, reportingYear, states, received, states - received,
					(int) reports.stream().filter(Article7Report::reportsLapIndicators).count(),
					(int) reports.stream().filter(Article7Report::countryCoalition).count()));
		}
		return counts;
	}

	/**
	 * The States Parties whose clearance deadline has passed (before a day) without an
	 * extension granted (a granted one would have moved it), or those whose deadline has
	 * not.
	 */
	@Transactional(readOnly = true)
	public List<StateParty> states(Convention convention, boolean expired, LocalDate today) {
		return this.repository.findStates(convention)
			.stream()
			.filter((state) -> state.deadlineExpiredOn(today) == expired)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Meeting> meetings(Convention convention) {
		return this.repository.findMeetings(convention);
	}

	@Transactional(readOnly = true)
	public Optional<Meeting> findMeeting(Convention convention, String code) {
		return this.repository.findMeeting(convention, normalize(code));
	}

	public Meeting meeting(Convention convention, String code) {
		return findMeeting(convention, code)
			.orElseThrow(() -> new NotFoundException("No meeting " + code + " of the " + convention));
	}

	@Transactional
	public Meeting createMeeting(MeetingInput input) {
		MeetingInput normalized = check(input);
		if (this.repository.findMeeting(normalized.convention(), normalized.code()).isPresent()) {
			throw new ConflictException(
					"Meeting " + normalized.code() + " of the " + normalized.convention() + " is already registered");
		}
		this.repository.insertMeeting(normalized);
		this.audit.record(RegistryAudit.MEETING, normalized.convention(), normalized.code(), null,
				RegistryAudit.fields(normalized), orDefault(normalized.reason(), "Registered"));
		this.events.publishEvent(new MeetingChanged(normalized.convention(), normalized.code()));
		return meeting(normalized.convention(), normalized.code());
	}

	@Transactional
	public Meeting updateMeeting(Convention convention, String code, MeetingInput input) {
		MeetingInput normalized = check(input);
		String reason = RegistryAudit.requireReason(normalized.reason());
		if (normalized.convention() != convention) {
			throw new FieldValidationException("convention", "does not match the meeting being edited");
		}
		if (!normalized.code().equals(normalize(code))) {
			throw new FieldValidationException("code", "does not match the meeting being edited");
		}
		Meeting before = meeting(convention, code);
		this.repository.updateMeeting(normalized);
		this.audit.record(RegistryAudit.MEETING, convention, normalized.code(), RegistryAudit.fields(before),
				RegistryAudit.fields(normalized), reason);
		Meeting after = meeting(convention, normalized.code());
		if (!after.equals(before)) {
			this.events.publishEvent(new MeetingChanged(convention, after.code()));
		}
		return after;
	}

	private static StatePartyInput check(StatePartyInput input) {
		String code = normalize(input.code());
		if (!IsoCountries.isAlpha3(code)) {
			throw new FieldValidationException("code", "'" + input.code() + "' is not an ISO 3166 alpha-3 code");
		}
		if (input.clearanceDeadline().isBefore(input.entryIntoForce())) {
			throw new FieldValidationException("clearanceDeadline", "must not be before entryIntoForce");
		}
		return new StatePartyInput(input.convention(), code, input.name().strip(), input.entryIntoForce(),
				input.clearanceDeadline(), input.focalPointEmail().strip(), input.preferredLanguage(),
				blankToNull(input.notes()), input.reason());
	}

	private static MeetingInput check(MeetingInput input) {
		if (input.lastDay().isBefore(input.firstDay())) {
			throw new FieldValidationException("lastDay", "must not be before firstDay " + input.firstDay());
		}
		return new MeetingInput(input.convention(), normalize(input.code()), input.kind(), input.firstDay(),
				input.lastDay(), blankToNull(input.venue()), input.provisional(), input.reason());
	}

	private static String normalize(String code) {
		return Objects.requireNonNull(code).strip().toUpperCase(Locale.ROOT);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Who changed a State Party's record, when, what and why; newest first.
	 */
	@Transactional(readOnly = true)
	public List<RegistryChange> stateChanges(Convention convention, String code) {
		return this.audit.changes(RegistryAudit.STATE, convention, state(convention, code).code());
	}

	/**
	 * Who changed a meeting, when, what and why; newest first.
	 */
	@Transactional(readOnly = true)
	public List<RegistryChange> meetingChanges(Convention convention, String code) {
		return this.audit.changes(RegistryAudit.MEETING, convention, meeting(convention, code).code());
	}

	private static String orDefault(String reason, String otherwise) {
		return (reason == null || reason.isBlank()) ? otherwise : reason.strip();
	}

	/**
	 * Today's clearance deadline of a State Party, for callers that only need the date.
	 */
	public LocalDate deadline(Convention convention, String code) {
		// the date alone: one query, not the State with its extensions
		return this.repository.findDeadline(convention, normalize(code))
			.orElseThrow(() -> new NotFoundException("No State Party " + code + " under the " + convention));
	}

}
