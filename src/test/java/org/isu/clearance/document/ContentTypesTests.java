package org.isu.clearance.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.io.input.ObservableInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content type comes from the bytes, with Tika's container detection: Word, Excel and
 * OpenDocument files are told apart from any other ZIP, whatever their names; any other
 * file's start tells its type.
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

	/**
	 * An upload's type is told from its start while it is stored, and from the whole file
	 * only for a ZIP or OLE2 container: the start tells what the whole file tells.
	 */
	@Test
	void theStartOfAFileTellsWhatTheWholeFileTellsExceptForContainers() throws IOException {
		byte[] text = "Notes from the meeting, in plain text.\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
		for (byte[] content : List.of(DocumentFixtures.pdf(3 * 1024 * 1024, 1), DocumentFixtures.pdf(2000, 2),
				DocumentFixtures.png(), text, DocumentFixtures.executable(),
				Arrays.copyOf(DocumentFixtures.executable(), 200_000))) {
			ContentTypes.Head head = read(content);
			assertThat(head.needsWholeFile()).isFalse();
			assertThat(this.types.detect(head)).isEqualTo(detect(content, "file.bin"));
		}
		byte[] ole2 = new byte[4096];
		System.arraycopy(
				new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1 },
				0, ole2, 0, 8);
		for (byte[] container : List.of(DocumentFixtures.docx("Analysis"), DocumentFixtures.xlsx(),
				DocumentFixtures.odt(), DocumentFixtures.zip(), ole2)) {
			assertThat(read(container).needsWholeFile()).isTrue();
		}
	}

	private static ContentTypes.Head read(byte[] content) throws IOException {
		ContentTypes.Head head = new ContentTypes.Head();
		try (InputStream in = new ObservableInputStream(new ByteArrayInputStream(content), head)) {
			in.readNBytes(new byte[1024 * 1024], 0, 1024 * 1024);
			in.transferTo(OutputStream.nullOutputStream());
		}
		return head;
	}

	private String detect(byte[] content, String name) throws IOException {
		Path file = this.directory.resolve(name);
		Files.write(file, content);
		return this.types.detect(file);
	}

}
