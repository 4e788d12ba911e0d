package org.isu.clearance.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so {@code docker-compose.yml} is checked by reading it: the
 * services and their health checks exist, and every environment variable it gives the
 * application is one the application reads, either a {@code ${VAR}} placeholder of
 * {@code application.yaml} or a configuration property in Spring's relaxed binding
 * ({@code SPRING_MAIL_HOST} → {@code spring.mail.host}).
 */
class DockerComposeTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final List<String> NODES = List.of("app1", "app2");

	private static Map<String, Object> services;

	@BeforeAll
	static void readComposeFile() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			services = map(compose.get("services"));
		}
	}

	@Test
	void hasPostgres15WithAVolumeMailpitAndTwoApplicationNodesWithHealthChecks() {
		assertThat(services).containsKeys("postgres", "mailpit", "app1", "app2");
		assertThat(service("postgres").get("image")).isEqualTo("postgres:15");
		assertThat(list(service("postgres").get("volumes")))
			.anySatisfy((volume) -> assertThat(volume.toString()).endsWith(":/var/lib/postgresql/data"));
		assertThat(service("mailpit").get("image").toString()).startsWith("axllent/mailpit");
		for (String name : services.keySet()) {
			assertThat(map(service(name).get("healthcheck")).get("test")).as(name + " health check").isNotNull();
		}
		for (String node : NODES) {
			Map<String, Object> service = service(node);
			assertThat(service.get("build")).as(node).isEqualTo(".");
			assertThat(list(map(service.get("healthcheck")).get("test")).toString()).as(node)
				.contains("/actuator/health");
			assertThat(map(service.get("depends_on"))).as(node).containsKeys("postgres", "mailpit");
			assertThat(map(map(service.get("depends_on")).get("postgres")).get("condition"))
				.isEqualTo("service_healthy");
			assertThat(service).as(node + " is configured through environment variables only")
				.doesNotContainKeys("volumes", "command", "entrypoint", "env_file");
		}
		assertThat(map(map(service("app2").get("depends_on")).get("app1")).get("condition"))
			.as("the second node starts once the first has created the schema")
			.isEqualTo("service_healthy");
		assertThat(list(service("app1").get("ports"))).containsExactly("8080:8080");
		assertThat(list(service("app2").get("ports"))).containsExactly("8081:8080");
	}

	@Test
	void bothNodesShareOneDatabaseAndTheMailServerInProduction() {
		for (String node : NODES) {
			Map<String, Object> environment = environment(node);
			assertThat(environment).as(node)
				.containsEntry("SPRING_PROFILES_ACTIVE", "prod")
				.containsEntry("DB_URL",
						"jdbc:postgresql://postgres:5432/"
								+ map(service("postgres").get("environment")).get("POSTGRES_DB"))
				.containsEntry("DB_USER", map(service("postgres").get("environment")).get("POSTGRES_USER"))
				.containsEntry("SMTP_HOST", "mailpit")
				.containsKeys("DB_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD");
		}
		assertThat(environment("app1")).isEqualTo(environment("app2"));
	}

	@Test
	void everyEnvironmentVariableOfTheNodesIsOneTheApplicationReads() throws IOException {
		Set<String> placeholders = placeholdersOfApplicationYaml();
		Set<String> properties = knownPropertiesInEnvironmentForm();
		assertThat(placeholders).contains("DB_URL", "ADMIN_PASSWORD", "SMTP_HOST");
		assertThat(properties).contains("SPRING_PROFILES_ACTIVE", "SPRING_MAIL_HOST", "CLEARANCE_DEMO_ENABLED");
		Set<String> unread = new TreeSet<>();
		for (String node : NODES) {
			for (String variable : environment(node).keySet()) {
				if (!placeholders.contains(variable) && !properties.contains(variable)) {
					unread.add(node + ": " + variable);
				}
			}
		}
		assertThat(unread).as("variables the application never reads").isEmpty();
	}

	/**
	 * The image trains its class data sharing archive with {@code bin/cds.sh} and starts
	 * exactly as the script trained it (in the directory of the extracted jar, with the
	 * same relative paths): on any other class path the JVM ignores the archive without a
	 * word. {@code StartupBenchmark} starts the jar that way too.
	 */
	@Test
	void theImageStartsTheJarAsBinCdsShTrainedIt() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		String script = Files.readString(Path.of("bin", "cds.sh"));
		assertThat(dockerfile).contains("extract --layers --destination extracted")
			.contains("--application-filename application.jar")
			.contains("WORKDIR /application")
			.contains("COPY bin/cds.sh")
			.contains("cds.sh /application")
			.contains(
					"ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=application.jsa\", \"-jar\", \"application.jar\"]");
		assertThat(script).contains("--application-filename application.jar")
			.contains("-XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar")
			.contains("--spring.datasource.url=jdbc:h2:mem:")
			.contains("env -i")
			.contains("java -Xmx256m -XX:SharedArchiveFile=application.jsa -jar application.jar");
		assertThat(dockerfile.indexOf("cds.sh /application")).as("trained before the image switches to its user")
			.isLessThan(dockerfile.indexOf("USER clearance"));
	}

	@Test
	void theCheckCatchesAVariableNobodyReads() throws IOException {
		assertThat(placeholdersOfApplicationYaml()).doesNotContain("DATABASE_URL", "SMTP_SERVER");
		assertThat(knownPropertiesInEnvironmentForm()).doesNotContain("DATABASE_URL", "SPRING_MAIL_SERVER");
	}

	private static Set<String> placeholdersOfApplicationYaml() throws IOException {
		Set<String> names = new HashSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:application*.y*ml")) {
			if (resource.getURL().toString().contains("/test-classes/")) {
				continue;
			}
			Matcher matcher = PLACEHOLDER.matcher(resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * Every configuration property described by the metadata on the classpath (Spring
	 * Boot's, Camunda's, the application's), in the form an environment variable binds to
	 * it: upper case, dots as underscores, dashes dropped.
	 */
	private static Set<String> knownPropertiesInEnvironmentForm() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> names = new HashSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/*spring-configuration-metadata.json")) {
			try (InputStream input = resource.getInputStream()) {
				JsonNode properties = json.readTree(input).path("properties");
				for (JsonNode property : properties) {
					names.add(
							property.path("name").asText().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
				}
			}
		}
		return names;
	}

	private static Map<String, Object> environment(String node) {
		return map(service(node).get("environment"));
	}

	private static Map<String, Object> service(String name) {
		return map(services.get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

}
