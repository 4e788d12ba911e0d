package org.isu.clearance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
	 * Every module but {@code shared} (exceptions and helpers, no beans of its own to
	 * start) has a test that starts it without the modules above it ({@link ModuleTest}).
	 */
	@Test
	void everyModuleHasAModuleTest() throws IOException {
		List<String> without = new ArrayList<>();
		for (ApplicationModule module : this.modules) {
			Path tests = Path.of("src/test/java/org/isu/clearance", module.getName());
			boolean found = false;
			if (Files.isDirectory(tests)) {
				try (Stream<Path> files = Files.list(tests)) {
					found = files.filter((file) -> file.toString().endsWith(".java")).anyMatch((file) -> {
						try {
							return Files.readString(file).contains("\n@ModuleTest");
						}
						catch (IOException ex) {
							throw new java.io.UncheckedIOException(ex);
						}
					});
				}
			}
			if (!found && !module.getName().equals("shared")) {
				without.add(module.getName());
			}
		}
		assertThat(without).as("modules without a @ModuleTest class").isEmpty();
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

	/**
	 * The engine's tables ({@code ACT_RU_TASK}, {@code act_hi_procinst}, …) are named by
	 * one class of the application, {@code request.EngineTables}, which its tests run on
	 * H2 and PostgreSQL: everything else goes through the engine's API or that class.
	 */
	@Test
	void onlyEngineTablesNamesTheEnginesTables() throws IOException {
		Pattern table = Pattern.compile("\\bACT_(?:RU|HI|RE|GE|ID)_[A-Z_]+", Pattern.CASE_INSENSITIVE);
		Path root = Path.of("src/main/java/org/isu/clearance");
		Path engineTables = root.resolve("request/EngineTables.java");
		List<String> naming = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = table.matcher(Files.readString(file));
				if (!file.equals(engineTables) && matcher.find()) {
					naming.add(root.relativize(file) + ": " + matcher.group());
				}
			}
		}
		assertThat(engineTables).exists();
		assertThat(Files.readString(engineTables)).containsPattern(table);
		assertThat(naming).as("main classes other than EngineTables that name ACT_ tables").isEmpty();
	}

	/** The module that owns each model. */
	static final Map<String, String> MODEL_OWNERS = Map.of("extension-request.bpmn", "request", "deadline-watch.bpmn",
			"outreach", "article7-reminders.bpmn", "outreach", "coordination-work-plan.bpmn", "workplan",
			"work-plan-quarter.bpmn", "workplan");

	/**
	 * What neither check above sees: a model's expressions call beans by name. Each bean
	 * a model names belongs to the model's module or to one below it.
	 */
	@Test
	void modelsCallOnlyBeansOfTheirModuleOrBelow() throws IOException {
		Map<String, String> beanModules = beanModules();
		Pattern expression = Pattern.compile("\\$\\{([a-zA-Z]+)[.}]");
		List<String> upwards = new ArrayList<>();
		try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
			for (Path model : models.filter((path) -> path.toString().endsWith(".bpmn")).toList()) {
				String owner = MODEL_OWNERS.get(model.getFileName().toString());
				assertThat(owner).as("the module that owns " + model).isNotNull();
				Matcher matcher = expression.matcher(Files.readString(model));
				while (matcher.find()) {
					String module = beanModules.get(matcher.group(1));
					if (module != null && !module.equals(owner) && layer(module) <= layer(owner)) {
						upwards.add(model.getFileName() + " -> " + matcher.group(1) + " (" + module + ")");
					}
				}
			}
		}
		assertThat(beanModules).containsKeys("taskReminderDelegate", "reviewBodies", "requestDueDates");
		assertThat(upwards).as("beans of a module above the model's own").isEmpty();
	}

	/**
	 * Every component's bean name (its {@code @Component("name")} or its class name) and
	 * module, from the sources.
	 */
	private static Map<String, String> beanModules() throws IOException {
		Pattern named = Pattern.compile("@(?:Component|Service)\\(\"([a-zA-Z]+)\"\\)");
		Pattern type = Pattern.compile("@(?:Component|Service)\\s+(?:public\\s+)?class\\s+([A-Za-z]+)");
		Path root = Path.of("src/main/java/org/isu/clearance");
		Map<String, String> modules = new java.util.HashMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (file.getParent().equals(root)) {
					continue;
				}
				String module = root.relativize(file).getName(0).toString();
				String source = Files.readString(file);
				Matcher byName = named.matcher(source);
				if (byName.find()) {
					modules.put(byName.group(1), module);
					continue;
				}
				Matcher byType = type.matcher(source);
				if (byType.find()) {
					String name = byType.group(1);
					modules.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), module);
				}
			}
		}
		return modules;
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
