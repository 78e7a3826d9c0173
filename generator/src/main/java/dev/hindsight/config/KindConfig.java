package dev.hindsight.config;

import java.util.List;
import java.util.Objects;

/**
 * One document kind: its name (the {@code type:} value), the folders whose files are of this kind
 * by default, and which built-in model it maps to.
 *
 * @param base {@code postmortem}, {@code runbook} or {@code generic}: which record the model builds
 */
public record KindConfig(String name, List<String> folders, String base) {

    public static final String POSTMORTEM = "postmortem";
    public static final String RUNBOOK = "runbook";
    public static final String GENERIC = "generic";

    public KindConfig {
        Objects.requireNonNull(name, "name");
        folders = List.copyOf(folders);
        Objects.requireNonNull(base, "base");
    }

    public static List<KindConfig> defaults() {
        return List.of(
                new KindConfig(POSTMORTEM, List.of("postmortems"), POSTMORTEM),
                new KindConfig(RUNBOOK, List.of("runbooks"), RUNBOOK));
    }
}
