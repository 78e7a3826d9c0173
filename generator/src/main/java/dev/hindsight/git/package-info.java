/**
 * Git history of the site's files, read in ONE walk over the repository (never one log per file).
 *
 * <p>Values are immutable. Nothing here accepts null; the few accessors that may return null
 * (dates of a file that has no commit) say so. Times are {@link java.time.OffsetDateTime}s in UTC.
 */
package dev.hindsight.git;
