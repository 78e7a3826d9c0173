package dev.hindsight.api;

import java.util.List;

/**
 * What adopt did.
 *
 * @param refused  why nothing was written (a {@code hindsight.yml} is there, and no {@code --force}), or empty
 * @param reasons  each decision and why, one line each
 * @param written  the files written, relative to the collection
 * @param config   the text of the {@code hindsight.yml} written, or empty
 */
public record AdoptResult(String refused, List<String> reasons, List<String> written, String config) {
    public AdoptResult {
        reasons = List.copyOf(reasons);
        written = List.copyOf(written);
    }
}
