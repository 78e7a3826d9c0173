package dev.hindsight.config;

import java.util.List;

/**
 * The {@code git:} section of {@code hindsight.yml}.
 *
 * @param authors           show contributors' names on pages ({@code git.authors}, default true)
 * @param freshnessFallback a runbook without {@code last_reviewed} counts its last Git update as its
 *                          last review ({@code git.freshness_fallback}, default true)
 * @param bots              a contributor whose name or e-mail address contains one of these (ignoring
 *                          case) is a bot, never listed as a contributor ({@code git.bots}); null for the
 *                          built-in list ({@code GitHistoryBuilder.DEFAULT_BOTS})
 */
public record GitSettings(boolean authors, boolean freshnessFallback, List<String> bots) {

    public GitSettings {
        bots = bots == null ? null : List.copyOf(bots);
    }

    public GitSettings(boolean authors, boolean freshnessFallback) {
        this(authors, freshnessFallback, null);
    }

    public static GitSettings defaults() {
        return new GitSettings(true, true, null);
    }
}
