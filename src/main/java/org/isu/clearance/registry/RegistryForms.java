package org.isu.clearance.registry;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the registry's edit forms bind to: plain fields, so that a value the browser sends
 * that is not a date or not a known code comes back to the form as a message next to the
 * field.
 */
final class RegistryForms {

	private RegistryForms() {
	}

	public static class StateForm {

		private Convention convention;

		private String code;

		private String name;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate entryIntoForce;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate clearanceDeadline;

		private String focalPointEmail;

		private Language preferredLanguage;

		private String notes;

		private String reason;

		static StateForm of(StateParty state) {
			StateForm form = new StateForm();
			form.convention = state.convention();
			form.code = state.code();
			form.name = state.name();
			form.entryIntoForce = state.entryIntoForce();
			form.clearanceDeadline = state.clearanceDeadline();
			form.focalPointEmail = state.focalPointEmail();
			form.preferredLanguage = state.preferredLanguage();
			form.notes = state.notes();
			return form;
		}

		StatePartyInput toInput() {
			return new StatePartyInput(this.convention, this.code, this.name, this.entryIntoForce,
					this.clearanceDeadline, this.focalPointEmail, this.preferredLanguage, this.notes, this.reason);
		}

		public Convention getConvention() {
			return this.convention;
		}

		public void setConvention(Convention convention) {
			this.convention = convention;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public LocalDate getEntryIntoForce() {
			return this.entryIntoForce;
		}

		public void setEntryIntoForce(LocalDate entryIntoForce) {
			this.entryIntoForce = entryIntoForce;
		}

		public LocalDate getClearanceDeadline() {
			return this.clearanceDeadline;
		}

		public void setClearanceDeadline(LocalDate clearanceDeadline) {
			this.clearanceDeadline = clearanceDeadline;
		}

		public String getFocalPointEmail() {
			return this.focalPointEmail;
		}

		public void setFocalPointEmail(String focalPointEmail) {
			this.focalPointEmail = focalPointEmail;
		}

		public Language getPreferredLanguage() {
			return this.preferredLanguage;
		}

		public void setPreferredLanguage(Language preferredLanguage) {
			this.preferredLanguage = preferredLanguage;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public String getNotes() {
			return this.notes;
		}

		public void setNotes(String notes) {
			this.notes = notes;
		}

	}

	public static class MeetingForm {

		private Convention convention;

		private String code;

		private MeetingKind kind;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate firstDay;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate lastDay;

		private String venue;

		private boolean provisional;

		private String reason;

		static MeetingForm of(Meeting meeting) {
			MeetingForm form = new MeetingForm();
			form.convention = meeting.convention();
			form.code = meeting.code();
			form.kind = meeting.kind();
			form.firstDay = meeting.firstDay();
			form.lastDay = meeting.lastDay();
			form.venue = meeting.venue();
			form.provisional = meeting.provisional();
			return form;
		}

		MeetingInput toInput() {
			return new MeetingInput(this.convention, this.code, this.kind, this.firstDay, this.lastDay, this.venue,
					this.provisional, this.reason);
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public Convention getConvention() {
			return this.convention;
		}

		public void setConvention(Convention convention) {
			this.convention = convention;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public MeetingKind getKind() {
			return this.kind;
		}

		public void setKind(MeetingKind kind) {
			this.kind = kind;
		}

		public LocalDate getFirstDay() {
			return this.firstDay;
		}

		public void setFirstDay(LocalDate firstDay) {
			this.firstDay = firstDay;
		}

		public LocalDate getLastDay() {
			return this.lastDay;
		}

		public void setLastDay(LocalDate lastDay) {
			this.lastDay = lastDay;
		}

		public String getVenue() {
			return this.venue;
		}

		public void setVenue(String venue) {
			this.venue = venue;
		}

		public boolean isProvisional() {
			return this.provisional;
		}

		public void setProvisional(boolean provisional) {
			this.provisional = provisional;
		}

	}

}
