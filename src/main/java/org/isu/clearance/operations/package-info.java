/**
 * Running the application in production: health of the job executor, Prometheus gauges of
 * the engine's jobs and of the mail outbox. Nothing here takes part in a request's
 * lifecycle.
 */
package org.isu.clearance.operations;
