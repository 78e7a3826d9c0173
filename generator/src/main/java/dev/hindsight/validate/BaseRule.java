package dev.hindsight.validate;

import dev.hindsight.diag.Severity;

/** A rule's identity: its stable id and the severity it reports at unless hindsight.yml says otherwise. */
abstract class BaseRule implements Rule {

    private final String id;
    private final Severity defaultSeverity;

    BaseRule(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }
}
