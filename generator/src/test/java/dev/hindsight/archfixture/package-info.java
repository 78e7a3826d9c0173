/**
 * Code that breaks the architecture rules on purpose, each class in a different way that a source-text
 * check would miss. {@code ArchitectureTest} must reject every one; none of it is production code.
 */
package dev.hindsight.archfixture;
