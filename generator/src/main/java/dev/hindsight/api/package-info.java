/**
 * The types a front end (the CLI, the Maven Mojos) exchanges with the facade {@link dev.hindsight.Hindsight}:
 * options, results, the running preview. They depend on nothing of Hindsight but the diagnostic value types
 * ({@code diag.Diagnostic}, {@code Position}, {@code Severity}), which are API too.
 */
package dev.hindsight.api;
