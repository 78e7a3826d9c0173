/**
 * Learning from incidents, across postmortems: contributing factors, recurring patterns, action items
 * that close the loop (objectives, days late, ticket status, possibly ineffective fixes), the runbook
 * usage ledger, metrics as distributions and the on-call handoff. Everything here is an immutable record
 * computed from the knowledge base, the site's settings and "today" ({@link Learning#of}); pages and the
 * JSON API ({@link LearningJson}) are made from these records.
 */
package dev.hindsight.learning;
