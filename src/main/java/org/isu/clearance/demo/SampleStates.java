package org.isu.clearance.demo;

import java.time.LocalDate;
import java.util.List;

import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.ExtensionInput;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.StatePartyInput;

/**
 * Sample States Parties of DOMAIN.md §5, each with its original deadline and the
 * extensions that moved it. Sample data for demonstrations: verify before real use.
 */
final class SampleStates {

	private static final String SAMPLE = "Sample data (DOMAIN.md §5): verify before use.";

	record SampleState(StatePartyInput state, List<ExtensionInput> extensions) {

	}

	static final List<SampleState> ALL = List.of(
			ccm("IRQ", "Iraq", "2013-11-01", "2023-11-01", Language.ar,
					extension("2028-11-01", "11MSP", "2023-09-14", "5 years requested; the decision is not confirmed")),
			ccm("TCD", "Chad", "2013-09-01", "2023-09-01", Language.fr,
					extension("2024-10-01", "10MSP", "2022-09-02", "first interim extension"),
					extension("2026-10-01", "12MSP", "2024-09-13", "second interim extension")),
			ccm("DEU", "Germany", "2010-08-01", "2020-08-01", Language.en,
					extension("2025-08-01", "9MSP", "2019-09-04", "derived from the 2020 deadline"),
					extension("2030-08-01", "12MSP", "2024-09-13",
							"5-year interim extension requested; the decision is not confirmed")),
			ccm("LAO", "Lao People's Democratic Republic", "2010-08-01", "2020-08-01", Language.en,
					extension("2025-08-01", "9MSP", "2019-09-04", "5 years"),
					extension("2030-08-01", "12MSP", "2024-09-13",
							"request analysed in CCM/MSP/2024/6; duration not confirmed")),
			ccm("AFG", "Afghanistan", "2012-03-01", "2022-03-01", Language.en,
					extension("2026-03-01", "2RC", "2021-09-10", "4-year request of August 2021")),
			ccm("CHL", "Chile", "2011-06-01", "2021-06-01", Language.es,
					extension("2023-06-01", "2RC", "2021-09-10", "interim extension; meeting not confirmed"),
					extension("2026-06-01", "10MSP", "2022-09-02", "request and revised request April/May 2022")),
			ccm("LBN", "Lebanon", "2011-05-01", "2021-05-01", Language.ar,
					extension("2026-05-01", "2RC", "2021-09-10", "5 years")),
			ccm("MRT", "Mauritania", "2012-08-01", "2022-08-01", Language.fr,
					extension("2026-08-01", "10MSP", "2022-09-02", "a deadline in 2026; exact date not confirmed")),
			ccm("SOM", "Somalia", "2016-03-01", "2026-03-01", Language.en),
			apmbc("SEN", "Senegal", "1999-03-01", "2026-03-01", Language.fr,
					"Request at the 22MSP not approved: submitted late. May resubmit for the 23MSP."),
			apmbc("TJK", "Tajikistan", "2000-04-01", "2025-12-31", Language.ru,
					"Request at the 22MSP not approved: submitted late. May resubmit for the 23MSP."));

	private SampleStates() {
	}

	private static SampleState ccm(String code, String name, String entryIntoForce, String originalDeadline,
			Language language, ExtensionInput... extensions) {
		return new SampleState(
				new StatePartyInput(Convention.CCM, code, name, LocalDate.parse(entryIntoForce),
						LocalDate.parse(originalDeadline), focalPoint(code), language, SAMPLE, "Demo data"),
				List.of(extensions));
	}

	private static SampleState apmbc(String code, String name, String entryIntoForce, String deadline,
			Language language, String notes) {
		return new SampleState(
				new StatePartyInput(Convention.APMBC, code, name, LocalDate.parse(entryIntoForce),
						LocalDate.parse(deadline), focalPoint(code), language, SAMPLE + " " + notes, "Demo data"),
				List.of());
	}

	private static ExtensionInput extension(String newDeadline, String meetingCode, String decidedOn, String notes) {
		return new ExtensionInput(LocalDate.parse(newDeadline), meetingCode, "granted", LocalDate.parse(decidedOn),
				null, notes, "Demo data");
	}

	private static String focalPoint(String code) {
		return "focal-point." + code.toLowerCase(java.util.Locale.ROOT) + "@example.org";
	}

}
