package org.isu.clearance.shared;

import org.isu.clearance.request.Stages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page text exists in English and in French, and every message a template names
 * exists.
 */
class MessagesTests {

	private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

	@Test
	void frenchHasEveryEnglishMessageAndNoOther() throws IOException {
		assertThat(load("/messages_fr.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("/messages.properties").stringPropertyNames());
	}

	@Test
	void templatesNameOnlyExistingMessages() throws IOException {
		Set<String> keys = load("/messages.properties").stringPropertyNames();
		Set<String> used = new HashSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = MESSAGE.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
		Stages.ids().forEach((stage) -> assertThat(keys).contains("stage." + stage));
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
