package org.isu.clearance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
	static final List<List<String>> LAYERS = List.of(List.of("operations", "demo"), List.of("workplan"),
			List.of("outreach", "feed", "document"), List.of("request"), List.of("review"), List.of("notification"),
			List.of("calendar"), List.of("registry"), List.of("identity"), List.of("schedule"),
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

	/**
	 * What the bytecode cannot show: a constant of another module ({@code static final}
	 * strings) is copied into the class that uses it, so the module check above never
	 * sees that use. The sources still name the module.
	 */
	@Test
	void sourcesNameOnlyTheModulesBelowTheirOwn() throws IOException {
		Pattern reference = Pattern.compile("org\\.isu\\.clearance\\.([a-z]+)\\.");
		Path root = Path.of("src/main/java/org/isu/clearance");
		List<String> upwards = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (file.getParent().equals(root)) {
					continue;
				}
				String module = root.relativize(file).getName(0).toString();
				Matcher matcher = reference.matcher(Files.readString(file));
				while (matcher.find()) {
					String named = matcher.group(1);
					if (!named.equals(module) && layer(named) <= layer(module)) {
						upwards.add(root.relativize(file) + " -> " + named);
					}
				}
			}
		}
		assertThat(upwards).as("sources that name a module not below their own").isEmpty();
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
