package dev.hindsight.validate;

/**
 * A rule that compares dates with "today" (overdue, stale, untested): {@link Validator} skips it when
 * the run has no reference date, and says so once.
 */
interface NeedsReferenceDate {
}
