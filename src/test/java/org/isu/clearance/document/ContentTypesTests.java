package org.isu.clearance.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content type comes from the bytes, with Tika's container detection: Word, Excel and
 * OpenDocument files are told apart from any other ZIP, whatever their names.
 */
class ContentTypesTests {

	private final ContentTypes types = new ContentTypes();

	@TempDir
	Path directory;

	@Test
	void officeFilesAreToldApartFromAnyZip() throws IOException {
		assertThat(detect(DocumentFixtures.docx("Analysis"), "a.zip"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(detect(DocumentFixtures.xlsx(), "b.docx"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(detect(DocumentFixtures.odt(), "c.pdf")).isEqualTo("application/vnd.oasis.opendocument.text");
		assertThat(detect(DocumentFixtures.zip(), "d.docx")).isEqualTo("application/zip");
	}

	@Test
	void otherTypesComeFromTheirMagic() throws IOException {
		assertThat(detect(DocumentFixtures.pdf(10_000, 1), "request.txt")).isEqualTo("application/pdf");
		assertThat(detect(DocumentFixtures.png(), "map.pdf")).isEqualTo("image/png");
		assertThat(detect("Notes from the meeting, in plain text.\n".getBytes(StandardCharsets.UTF_8), "notes.pdf"))
			.isEqualTo("text/plain");
		assertThat(detect(DocumentFixtures.executable(), "request.pdf")).isEqualTo("application/x-msdownload");
	}

	private String detect(byte[] content, String name) throws IOException {
		Path file = this.directory.resolve(name);
		Files.write(file, content);
		return this.types.detect(file);
	}

}
