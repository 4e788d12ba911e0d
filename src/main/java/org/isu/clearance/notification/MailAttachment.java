package org.isu.clearance.notification;

/**
 * A file a mail of the outbox carries: a document of a request's record, read when the
 * mail is sent (the outbox keeps the reference, not the bytes).
 */
public record MailAttachment(long documentId, String filename, String contentType) {

}
