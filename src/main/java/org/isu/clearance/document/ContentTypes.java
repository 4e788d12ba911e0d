package org.isu.clearance.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.io.input.ObservableInputStream;
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
 * <p>
 * Only the containers need the whole file. Tika's magic reads a file's first
 * {@link #HEAD} bytes, and the container detectors look no further than its first
 * kilobyte unless it starts as a ZIP or an OLE2 file: for any other file its {@link Head}
 * tells the same type as the whole file.
 */
@Component
class ContentTypes {

	/** What Tika's magic reads of a file: 64 KB. */
	static final int HEAD = MimeTypes.getDefaultMimeTypes().getMinLength();

	private static final byte[] OLE2 = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
			(byte) 0xe1 };

	private final Detector detector = new DefaultDetector(MimeTypes.getDefaultMimeTypes());

	/**
	 * The content type of the file, without parameters ({@code application/pdf}).
	 */
	String detect(Path file) throws IOException {
		try (TikaInputStream stream = TikaInputStream.get(file)) {
			return detect(stream);
		}
	}

	/**
	 * The content type of a file from its start, when that is enough
	 * ({@link Head#needsWholeFile()} is false).
	 */
	String detect(Head head) throws IOException {
		if (head.needsWholeFile()) {
			throw new IllegalArgumentException("A ZIP or OLE2 container's type needs the whole file");
		}
		try (TikaInputStream stream = TikaInputStream.get(head.bytes())) {
			return detect(stream);
		}
	}

	private String detect(TikaInputStream stream) throws IOException {
		MediaType type = this.detector.detect(stream, new Metadata());
		return type.getBaseType().toString();
	}

	/**
	 * The first {@link #HEAD} bytes of a stream, kept as they are read.
	 */
	static final class Head extends ObservableInputStream.Observer {

		private final byte[] bytes = new byte[HEAD];

		private int length;

		@Override
		public void data(int value) {
			if (this.length < this.bytes.length) {
				this.bytes[this.length++] = (byte) value;
			}
		}

		@Override
		public void data(byte[] buffer, int offset, int count) {
			int kept = Math.min(count, this.bytes.length - this.length);
			System.arraycopy(buffer, offset, this.bytes, this.length, kept);
			this.length += kept;
		}

		byte[] bytes() {
			return Arrays.copyOf(this.bytes, this.length);
		}

		/**
		 * Whether the file starts as a ZIP ({@code PK}: Word, Excel, OpenDocument, any
		 * ZIP) or an OLE2 file, whose type Tika's container detectors tell from the whole
		 * file.
		 */
		boolean needsWholeFile() {
			boolean zip = this.length >= 2 && this.bytes[0] == 'P' && this.bytes[1] == 'K';
			boolean ole2 = this.length >= OLE2.length
					&& Arrays.equals(this.bytes, 0, OLE2.length, OLE2, 0, OLE2.length);
			return zip || ole2;
		}

	}

}
