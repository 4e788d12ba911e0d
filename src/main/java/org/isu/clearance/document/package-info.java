/**
 * Documents in a request's record: the State's request and its revisions, annexes,
 * analysis drafts, the official language versions of the analysis, decisions and
 * correspondence. Versioned, SHA-256 checksummed, stored in chunks in the application's
 * database and streamed both ways; the content type is told from the bytes (Apache Tika).
 * Also the analysis generated as a Word document from the record, and the checks that the
 * process's steps have their documents.
 */
package org.isu.clearance.document;
