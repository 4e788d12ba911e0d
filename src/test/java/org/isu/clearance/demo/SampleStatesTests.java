package org.isu.clearance.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.isu.clearance.demo.SampleStates.SampleState;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.ExtensionInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample States keep to ../shared/DOMAIN.md: walking each State's chain of extensions
 * from its original deadline, no granted extension is decided after the deadline it
 * extends, none goes past the treaty's cap, an unconfirmed one moves nothing, and every
 * fact cites DOMAIN.md or says it is illustrative.
 */
class SampleStatesTests {

	@Test
	void noExtensionIsGrantedAfterTheDeadlineItExtendsNorBeyondTheCap() {
		for (SampleState sample : SampleStates.ALL) {
			String code = sample.state().code();
			LocalDate deadline = sample.state().clearanceDeadline();
			for (ExtensionInput extension : sample.extensions()) {
				String what = code + " " + extension.meetingCode() + " " + extension.decision();
				if (extension.decision().startsWith("granted")) {
					assertThat(extension.decidedOn()).as(what + " is decided on a day").isNotNull();
					assertThat(extension.decidedOn()).as(what + " is decided before the deadline it extends")
						.isBefore(deadline);
				}
				if (!Set.of("refused", "not-considered-late").contains(extension.decision())) {
					assertThat(extension.newDeadline()).as(what + " moves the deadline forward").isAfter(deadline);
					assertThat(extension.newDeadline()).as(what + " is within the cap")
						.isBeforeOrEqualTo(deadline.plusYears(cap(sample.state().convention())));
				}
				if (extension.decision().startsWith("granted")) {
					deadline = extension.newDeadline();
				}
			}
		}
	}

	@Test
	void whatDomainMdDoesNotConfirmIsRecordedAsRequestedAndMovesNoDeadline() {
		List<String> requested = SampleStates.ALL.stream()
			.flatMap((sample) -> sample.extensions()
				.stream()
				.filter((extension) -> "requested".equals(extension.decision()))
				.map((extension) -> sample.state().code() + "-" + extension.meetingCode()))
			.toList();
		assertThat(requested).containsExactlyInAnyOrder("IRQ-11MSP", "DEU-12MSP", "LAO-12MSP", "AFG-13MSP", "CHL-13MSP",
				"LBN-13MSP", "MRT-13MSP");
		assertThat(SampleStates.ALL).flatExtracting(SampleState::extensions)
			.filteredOn((extension) -> "requested".equals(extension.decision()))
			.allSatisfy((extension) -> assertThat(extension.decidedOn()).isNull());
		// Somalia's 13MSP extension comes from the replayed request, not from here
		assertThat(sample("SOM").extensions()).isEmpty();
		assertThat(sample("SOM").state().clearanceDeadline()).hasToString("2026-03-01");
	}

	@Test
	void everySampleFactCitesDomainMdOrSaysItIsIllustrative() {
		for (SampleState sample : SampleStates.ALL) {
			assertThat(sample.state().notes()).as(sample.state().code() + " notes")
				.satisfies(SampleStatesTests::sourced);
			for (ExtensionInput extension : sample.extensions()) {
				assertThat(extension.notes()).as(sample.state().code() + " " + extension.meetingCode() + " notes")
					.satisfies(SampleStatesTests::sourced)
					.hasSizeLessThanOrEqualTo(2000);
			}
		}
		assertThat(SampleStates.ALL.stream().map((sample) -> sample.state().code()).collect(Collectors.toSet()))
			.hasSize(SampleStates.ALL.size());
	}

	private static void sourced(String notes) {
		String text = notes.toLowerCase(Locale.ROOT);
		assertThat(text.contains("domain.md") || text.contains("illustrative"))
			.as("'%s' cites DOMAIN.md or says it is illustrative", notes)
			.isTrue();
	}

	private static int cap(Convention convention) {
		return (convention == Convention.CCM) ? 5 : 10;
	}

	private static SampleState sample(String code) {
		return SampleStates.ALL.stream().filter((s) -> s.state().code().equals(code)).findFirst().orElseThrow();
	}

}
