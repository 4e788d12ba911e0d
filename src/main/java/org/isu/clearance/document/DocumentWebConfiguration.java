package org.isu.clearance.document;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One setting, {@code clearance.documents.max-size}, decides every limit of an upload:
 * the largest file and request the upload's reader ({@link UploadForm}) accepts (a larger
 * one is a 413 with a problem detail, not a reset connection) and how much of a refused
 * request Tomcat still reads so that the client gets to see that answer. The container
 * parses no multipart body itself ({@code spring.servlet.multipart.enabled: false}, no
 * multipart configuration): an upload is read as it arrives and no part is held in
 * memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentWebConfiguration {

	/** Room for the form's other fields beside the file. */
	static final long FORM_FIELDS = 64 * 1024;

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> documentUploadLimits(DocumentProperties properties) {
		long maxFile = properties.maxSize().toBytes();
		// what is left of a refused upload (up to the size of a whole one) is read to its
		// end, so its client sees the 413
		int swallow = (int) Math.min(Integer.MAX_VALUE, maxFile + FORM_FIELDS);
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(swallow);
			}
		});
	}

}
