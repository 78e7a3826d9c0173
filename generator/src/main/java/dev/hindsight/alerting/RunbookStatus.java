package dev.hindsight.alerting;

/** What an alert definition's runbook URL leads to. */
public enum RunbookStatus {
    /** A page of this site. */
    RESOLVED("resolved"),
    /** The runbook URL leads under the site's runbook address to no page: the 404 whoever is paged would see. */
    NOT_FOUND("not-found"),
    /** The rule carries no runbook annotation. */
    NO_URL("no-url"),
    /** A templated URL whose fixed parts fit several pages (each label value may lead elsewhere). */
    TEMPLATED("templated"),
    /** An address outside the site's runbook address: not ours to check. */
    EXTERNAL("external");

    private final String label;

    RunbookStatus(String label) {
        this.label = label;
    }

    /** The word used in api/alerts.json. */
    public String label() {
        return label;
    }

    /** Whoever is paged finds no runbook. */
    public boolean isGap() {
        return this == NOT_FOUND || this == NO_URL;
    }
}
