package dev.hindsight.config;

/**
 * The {@code git:} section of {@code hindsight.yml}.
 *
 * @param authors           show contributors' names on pages ({@code git.authors}, default true)
 * @param freshnessFallback a runbook without {@code last_reviewed} counts its last Git update as its
 *                          last review ({@code git.freshness_fallback}, default true)
 */
public record GitSettings(boolean authors, boolean freshnessFallback) {

    public static GitSettings defaults() {
        return new GitSettings(true, true);
    }
}
