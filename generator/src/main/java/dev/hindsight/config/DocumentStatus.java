package dev.hindsight.config;

import java.util.Optional;

/**
 * Where a document is in its review workflow, spelled {@code draft}, {@code in-review} and {@code published}
 * in front matter and in a kind's {@code default_status:}.
 */
public enum DocumentStatus implements Spelled {
    DRAFT,
    IN_REVIEW,
    PUBLISHED;

    /** The status spelled {@code yaml} ({@code in-review}), or empty for any other text. */
    public static Optional<DocumentStatus> of(String yaml) {
        for (DocumentStatus s : values()) {
            if (s.yaml().equals(yaml)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
