package dev.hindsight.config;

import java.util.Optional;

/** Which built-in model a kind's documents are read into: {@code base: postmortem}, {@code runbook} or {@code generic}. */
public enum KindBase implements Spelled {
    POSTMORTEM,
    RUNBOOK,
    GENERIC;

    /** The base spelled {@code yaml}, or empty for any other text. */
    public static Optional<KindBase> of(String yaml) {
        for (KindBase b : values()) {
            if (b.yaml().equals(yaml)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
