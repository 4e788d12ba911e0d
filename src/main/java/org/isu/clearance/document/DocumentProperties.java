package org.isu.clearance.document;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the documents ({@code clearance.documents}).
 *
 * @param maxSize the largest file accepted; the multipart limits and Tomcat's swallow
 * size follow it, so a larger upload is answered with 413 and a body
 * @param chunkSize the size of the pieces the content is stored in (each is read whole)
 * @param allowedTypes the content types accepted, as Tika detects them from the bytes (a
 * type matches its own subtypes: {@code image/} accepts every image)
 * @param temporaryDirectory where a download is verified before it is sent (default: the
 * JVM's temporary directory)
 * @param baseUrl the application's address, for the links in mails
 * @param streamedUploads how many uploads at once are stored while they arrive (each
 * holds a database connection and its transaction until its last byte is in); more are
 * spooled to disk first and stored afterwards
 */
@ConfigurationProperties("clearance.documents")
record DocumentProperties(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("1MB") DataSize chunkSize,
		@DefaultValue( {
				"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"application/vnd.oasis.opendocument.text", "text/plain", "image/" }) List<String> allowedTypes,
		String temporaryDirectory, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("2") int streamedUploads){

	boolean allows(String contentType) {
		return this.allowedTypes.stream()
			.anyMatch(
					(allowed) -> allowed.endsWith("/") ? contentType.startsWith(allowed) : contentType.equals(allowed));
	}

}
