package org.isu.clearance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Workflow and case management for requests to extend clearance deadlines under the
 * Convention on Cluster Munitions (Article 4) and the Mine Ban Convention (Article 5).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClearanceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClearanceApplication.class, args);
	}

}
