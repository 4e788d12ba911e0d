package org.isu.clearance.document;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import org.springframework.stereotype.Component;

/**
 * Tells a file's content type from its bytes, never from its name: Tika's magic numbers
 * and its container detectors, which open a ZIP to tell a Word or Excel file (OOXML) or
 * an OpenDocument text from any other ZIP, and an OLE2 file's streams.
 */
@Component
class ContentTypes {

	private final Detector detector = new DefaultDetector(MimeTypes.getDefaultMimeTypes());

	/**
	 * The content type of the file, without parameters ({@code application/pdf}).
	 */
	String detect(Path file) throws IOException {
		try (TikaInputStream stream = TikaInputStream.get(file)) {
			MediaType type = this.detector.detect(stream, new Metadata());
			return type.getBaseType().toString();
		}
	}

}
