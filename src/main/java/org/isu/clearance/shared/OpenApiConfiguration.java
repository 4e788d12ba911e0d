package org.isu.clearance.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the JSON API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}); both need a signed-in user, like the API itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI clearanceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Clearance deadline extensions API")
				.description("Extension requests (list, one request, start, withdraw), tasks, and the registry of "
						+ "States Parties and meetings. HTTP Basic with a Tasklist account, or a signed-in session. "
						+ "Errors are RFC 9457 problem details.")
				.version("v1"))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
