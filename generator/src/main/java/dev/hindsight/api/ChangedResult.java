package dev.hindsight.api;

import java.util.Set;

/**
 * The outcome of {@code check --changed}.
 *
 * @param result    the diagnostics of the changed documents and of the findings their changes caused
 * @param base      the short id of the merge-base commit
 * @param reference what the base was computed against, as the user would name it (e.g. {@code origin/main})
 * @param changed   the site-relative paths changed since the base
 */
public record ChangedResult(BuildResult result, String base, String reference, Set<String> changed) {
    public ChangedResult {
        changed = Set.copyOf(changed);
    }
}
