package org.isu.clearance.notification;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an attachment's content when its mail is sent: a copy on disk, checked against
 * the document's checksum, that the sender deletes once the mail is out.
 */
public interface AttachmentContent {

	Path verifiedCopy(long documentId) throws IOException;

}
