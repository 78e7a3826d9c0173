package dev.hindsight.validate;

/**
 * A rule whose diagnostics about a document depend on nothing but that document, the configuration
 * ({@code hindsight.yml}) and the code: not on other documents, the Git history, the reference date,
 * the service catalog or other files. Such a rule runs when the document is read ({@link LocalChecks}),
 * so that a cache of documents keyed by their content and the configuration keeps its diagnostics too,
 * and {@link Validator} does not run it again.
 */
interface DocumentLocal {
}
