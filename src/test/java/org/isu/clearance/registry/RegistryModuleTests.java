package org.isu.clearance.registry;

import java.time.LocalDate;
import java.util.List;

import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.RegistryPagesController.StateRow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry alone, without a process engine, the calendar or the request module: it
 * keeps States Parties, and its page shows them even when no other module answers its
 * questions (latest request, deadline watch).
 */
@ModuleTest
@TestPropertySource(properties = ModuleTest.WITHOUT_ENGINE)
class RegistryModuleTests {

	@Autowired
	private Registry registry;

	@Autowired
	private RegistryPagesController pages;

	@Test
	@SuppressWarnings("unchecked")
	void keepsStatesAndShowsThemWithoutTheModulesAbove() {
		this.registry.createState(new StatePartyInput(Convention.CCM, "PLW", "Palau", LocalDate.parse("2012-01-01"),
				LocalDate.parse("2029-06-01"), "focal@example.org", Language.en, null, "module test"));

		ExtendedModelMap model = new ExtendedModelMap();
		assertThat(this.pages.states(model)).isEqualTo("states");

		List<StateRow> rows = (List<StateRow>) model.get("rows");
		StateRow palau = rows.stream().filter((row) -> row.state().code().equals("PLW")).findFirst().orElseThrow();
		assertThat(palau.latestRequest()).isNull();
		assertThat(palau.deadlineWatch()).isNull();
		assertThat(palau.needsRequest()).isFalse();
		assertThat(this.registry.stateChanges(Convention.CCM, "PLW")).isNotEmpty();
	}

}
