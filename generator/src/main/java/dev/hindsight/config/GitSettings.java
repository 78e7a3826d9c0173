package dev.hindsight.config;

import java.util.List;

/**
 * The {@code git:} section of {@code hindsight.yml}.
 *
 * @param authors           show contributors' names on pages ({@code git.authors}, default true)
 * @param freshnessFallback a runbook without {@code last_reviewed} counts its last Git update as its
 *                          last review ({@code git.freshness_fallback}, default true)
 * @param bots              a contributor whose name or e-mail address contains one of these
 *                          (ignoring case) is a bot: never listed as a contributor ({@code git.bots})
 */
public record GitSettings(boolean authors, boolean freshnessFallback, List<String> bots) {

    public static final List<String> DEFAULT_BOTS = List.of("[bot]", "dependabot", "renovate", "github-actions",
            "openshift-merge-bot", "openshift-ci-robot", "k8s-ci-robot");

    public GitSettings {
        bots = List.copyOf(bots);
    }

    public GitSettings(boolean authors, boolean freshnessFallback) {
        this(authors, freshnessFallback, DEFAULT_BOTS);
    }

    public static GitSettings defaults() {
        return new GitSettings(true, true, DEFAULT_BOTS);
    }
}
