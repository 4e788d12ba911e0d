package org.isu.clearance;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/**
	 * The package map, top to bottom: a module may use only the modules of the rows below
	 * its own. The README's "Modules" section draws the same map.
	 */
	static final List<List<String>> LAYERS = List.of(List.of("operations", "demo"),
			List.of("outreach", "workplan", "feed"), List.of("request"), List.of("review", "document"),
			List.of("notification"), List.of("calendar"), List.of("registry"), List.of("identity"), List.of("schedule"),
			List.of("startup", "shared"));

	private final ApplicationModules modules = ApplicationModules.of(ClearanceApplication.class);

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicTypes() {
		this.modules.verify();
	}

	@Test
	void dependenciesOnlyPointDownThePackageMap() {
		List<String> upwards = new ArrayList<>();
		for (ApplicationModule module : this.modules) {
			int layer = layer(module.getName());
			module.getDirectDependencies(this.modules)
				.uniqueModules()
				.filter((dependency) -> layer(dependency.getName()) <= layer)
				.forEach((dependency) -> upwards.add(module.getName() + " -> " + dependency.getName()));
		}
		assertThat(upwards).as("dependencies that do not point down the package map").isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private static int layer(String module) {
		for (int i = 0; i < LAYERS.size(); i++) {
			if (LAYERS.get(i).contains(module)) {
				return i;
			}
		}
		throw new AssertionError("Module " + module + " is not on the package map (ModularityTests.LAYERS)");
	}

}
