package org.isu.clearance.demo;

import java.time.LocalDate;
import java.util.List;

import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.ExtensionInput;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.StatePartyInput;

/**
 * Sample States Parties of ../shared/DOMAIN.md §5, each with its original deadline and
 * the extensions recorded against it, oldest first. Every fact cites its place in
 * DOMAIN.md or says it is illustrative (in the State's or the extension's notes):
 * <ul>
 * <li>an extension DOMAIN.md marks as not confirmed or "(requested)" is recorded as
 * {@code requested} and moves no deadline, so such a State's deadline shows as expired
 * once it has passed: the honest record, which the application flags;</li>
 * <li>a granted extension is decided before the deadline it extends; where DOMAIN.md
 * gives no meeting or day, the ones shown are illustrative;</li>
 * <li>the focal points and preferred languages are illustrative throughout.</li>
 * </ul>
 * Somalia's 13MSP request is not here: the demo replays it through the process as a
 * finished, historical request, which records its extension. Sample data for
 * demonstrations: verify before real use.
 */
final class SampleStates {

	static final String SAMPLE = "Sample data (DOMAIN.md §5): verify before use. Focal point and preferred language"
			+ " are illustrative.";

	/**
	 * A day of the 2RC's second part, Sept 2021 (DOMAIN.md §4 gives the month):
	 * illustrative.
	 */
	private static final String RC2_ILLUSTRATIVE_DAY = "2021-09-10";

	/** A day before the 1 May and 1 June 2021 deadlines: illustrative. */
	private static final String BEFORE_MAY_2021 = "2021-04-30";

	record SampleState(StatePartyInput state, List<ExtensionInput> extensions) {

	}

	static final List<SampleState> ALL = List.of(
			ccm("IRQ", "Iraq", "2013-11-01", "2023-11-01", Language.ar, "Entry into force and deadline: DOMAIN.md §5.",
					requested("2028-11-01", "11MSP", null,
							"DOMAIN.md §5: 5 years, to November 2028, requested at the 11MSP (request expected by"
									+ " Dec 2022, §2.4); the outcome is not confirmed, so the deadline does not move."
									+ " The day (1 November) is illustrative.")),
			ccm("TCD", "Chad", "2013-09-01", "2023-09-01", Language.fr, "Entry into force and deadline: DOMAIN.md §5.",
					granted("2024-10-01", "10MSP", "2022-09-02",
							"DOMAIN.md §5: first interim extension, 1 Sep 2023 → 1 Oct 2024 (request of May 2022)."
									+ " The meeting (the 10MSP, 30 Aug–2 Sep 2022, §6) and the day, its last, are"
									+ " illustrative."),
					granted("2026-10-01", "12MSP", "2024-09-13",
							"DOMAIN.md §5: second interim extension, to Oct 2026, granted at the 12MSP. The day,"
									+ " the 12MSP's last (§6), and the first of the month are illustrative.")),
			ccm("DEU", "Germany", "2010-08-01", "2020-08-01", Language.en,
					"DOMAIN.md §5: entry into force 1 Aug 2010 not confirmed [U]; the original deadline, ten years"
							+ " later, is derived.",
					granted("2025-08-01", "9MSP", "2019-09-04",
							"DOMAIN.md §5: the 1 Aug 2025 deadline is derived from the 2020 deadline plus the 9MSP"
									+ " extension [U]; request of 15 Jan 2019 (§2.4). The day, the 9MSP's last"
									+ " (2–4 Sep 2019, §2.4), is illustrative."),
					requested("2030-08-01", "12MSP", null,
							"DOMAIN.md §5: 5-year interim extension, to 1 Aug 2030, requested at the 12MSP; the"
									+ " outcome is not confirmed, so the deadline does not move.")),
			ccm("LAO", "Lao People's Democratic Republic", "2010-08-01", "2020-08-01", Language.en,
					"DOMAIN.md §5: entry into force 1 Aug 2010; the original deadline, ten years later, is derived.",
					granted("2025-08-01", "9MSP", "2019-09-04",
							"DOMAIN.md §5: 5-year extension at the 9MSP. The day, the 9MSP's last (2–4 Sep 2019,"
									+ " §2.4), is illustrative."),
					requested("2030-08-01", "12MSP", "CCM/MSP/2024/6",
							"DOMAIN.md §5: request analysed in CCM/MSP/2024/6 at the 12MSP; its duration and"
									+ " outcome are not confirmed. The new deadline shown (the five-year cap) is"
									+ " illustrative.")),
			ccm("AFG", "Afghanistan", "2012-03-01", "2022-03-01", Language.en,
					"Entry into force and deadline: DOMAIN.md §5.",
					granted("2026-03-01", "2RC", RC2_ILLUSTRATIVE_DAY,
							"DOMAIN.md §5: 4-year request of Aug 2021, 1 Mar 2022 → 1 Mar 2026. The meeting (the"
									+ " 2RC, whose second part met in Sept 2021, §4) and the day are illustrative."),
					requested("2031-03-01", "13MSP", "CCM/MSP/2025/3",
							"DOMAIN.md §5: analysis CCM/MSP/2025/3 at the 13MSP; duration and outcome not"
									+ " confirmed. The new deadline shown (the five-year cap) is illustrative.")),
			ccm("CHL", "Chile", "2011-06-01", "2021-06-01", Language.es,
					"DOMAIN.md §5 gives no entry into force: the one shown and the original deadline (1 Jun 2021),"
							+ " ten years later, are illustrative.",
					granted("2023-06-01", "2RC", BEFORE_MAY_2021,
							"Interim extension to 1 Jun 2023, the deadline DOMAIN.md §5 shows before the 2022"
									+ " request. Not in DOMAIN.md: the meeting and the day, a day before the deadline"
									+ " it extends, are illustrative."),
					granted("2026-06-01", "10MSP", "2022-09-02",
							"DOMAIN.md §5: request and revised request Apr/May 2022 (§2.4), 1 Jun 2023 → 1 Jun 2026,"
									+ " at the 10MSP (30 Aug–2 Sep 2022, §6). The day, the meeting's last, is"
									+ " illustrative."),
					requested("2031-06-01", "13MSP", "CCM/MSP/2025/4",
							"DOMAIN.md §5: analysis CCM/MSP/2025/4 at the 13MSP; duration and outcome not"
									+ " confirmed. The new deadline shown (the five-year cap) is illustrative.")),
			ccm("LBN", "Lebanon", "2011-05-01", "2021-05-01", Language.ar,
					"DOMAIN.md §5: deadline 1 May 2021. It gives no entry into force: the one shown, ten years"
							+ " earlier, is illustrative.",
					granted("2026-05-01", "2RC", BEFORE_MAY_2021,
							"DOMAIN.md §5: 5 years, granted 2021, 1 May 2021 → 1 May 2026. DOMAIN.md gives no day,"
									+ " and the 2RC's second part (Sept 2021, §4) came after the 1 May 2021 deadline:"
									+ " the meeting and the day shown, before the deadline, are illustrative."),
					requested("2031-05-01", "13MSP", "CCM/MSP/2025/5",
							"DOMAIN.md §5: analysis CCM/MSP/2025/5 at the 13MSP; duration and outcome not"
									+ " confirmed. The new deadline shown (the five-year cap) is illustrative.")),
			ccm("MRT", "Mauritania", "2012-08-01", "2022-08-01", Language.fr,
					"DOMAIN.md §5: entry into force 1 Aug 2012; the original deadline, ten years later, is derived.",
					granted("2026-08-01", "2RC", RC2_ILLUSTRATIVE_DAY,
							"DOMAIN.md §5: a deadline in 2026, exact date not confirmed. The date (1 Aug 2026), the"
									+ " meeting (the 2RC, the last before the 2022 deadline; §4) and the day are"
									+ " illustrative."),
					requested("2031-08-01", "13MSP", "CCM/MSP/2025/6",
							"DOMAIN.md §5: analysis CCM/MSP/2025/6 at the 13MSP; duration and outcome not"
									+ " confirmed. The new deadline shown (the five-year cap) is illustrative.")),
			ccm("SOM", "Somalia", "2016-03-01", "2026-03-01", Language.en,
					"DOMAIN.md §5: deadline 1 Mar 2026; entry into force derived from it. Its 13MSP request (Dec"
							+ " 2024, revised Apr and Jun 2025) is the demo's historical request CCM-SOM-13MSP."),
			apmbc("SEN", "Senegal", "1999-03-01", "2026-03-01", Language.fr,
					notConsideredLate("22MSP", "2025-12-05",
							"DOMAIN.md §2.5: the request at the 22MSP (1–5 Dec 2025, §6) was not approved because it"
									+ " was submitted late; Senegal may resubmit for the 23MSP. The day, the"
									+ " meeting's last, is illustrative.")),
			apmbc("TJK", "Tajikistan", "2000-04-01", "2025-12-31", Language.ru,
					notConsideredLate("22MSP", "2025-12-05",
							"DOMAIN.md §2.5: the request at the 22MSP (1–5 Dec 2025, §6) was not approved because it"
									+ " was submitted late; Tajikistan may resubmit for the 23MSP. The day, the"
									+ " meeting's last, is illustrative.")));

	private SampleStates() {
	}

	private static SampleState ccm(String code, String name, String entryIntoForce, String originalDeadline,
			Language language, String notes, ExtensionInput... extensions) {
		return new SampleState(new StatePartyInput(Convention.CCM, code, name, LocalDate.parse(entryIntoForce),
				LocalDate.parse(originalDeadline), focalPoint(code), language, SAMPLE + " " + notes, "Demo data"),
				List.of(extensions));
	}

	/**
	 * An APMBC State: DOMAIN.md §2.5 names it, but neither its entry into force nor its
	 * deadline, which are illustrative.
	 */
	private static SampleState apmbc(String code, String name, String entryIntoForce, String deadline,
			Language language, ExtensionInput... extensions) {
		return new SampleState(
				new StatePartyInput(Convention.APMBC, code, name, LocalDate.parse(entryIntoForce),
						LocalDate.parse(deadline), focalPoint(code), language,
						SAMPLE + " Not in DOMAIN.md: entry into force and deadline are illustrative.", "Demo data"),
				List.of(extensions));
	}

	private static ExtensionInput granted(String newDeadline, String meetingCode, String decidedOn, String notes) {
		return new ExtensionInput(LocalDate.parse(newDeadline), meetingCode, "granted", LocalDate.parse(decidedOn),
				null, notes, "Demo data");
	}

	/**
	 * A request whose outcome is not confirmed: it records the requested deadline, moves
	 * nothing and has no day of decision.
	 */
	private static ExtensionInput requested(String newDeadline, String meetingCode, String reference, String notes) {
		return new ExtensionInput(LocalDate.parse(newDeadline), meetingCode, "requested", null, reference, notes,
				"Demo data");
	}

	private static ExtensionInput notConsideredLate(String meetingCode, String decidedOn, String notes) {
		return new ExtensionInput(null, meetingCode, "not-considered-late", LocalDate.parse(decidedOn), null, notes,
				"Demo data");
	}

	private static String focalPoint(String code) {
		return "focal-point." + code.toLowerCase(java.util.Locale.ROOT) + "@example.org";
	}

}
