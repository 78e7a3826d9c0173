package dev.hindsight.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The built-in required sections and their accepted headings, per base kind. */
public final class DefaultSections {

    public static final SectionRequirement SUMMARY = SectionRequirement.of("Summary", "Overview",
            "Executive summary", "TL;DR", "TLDR", "Incident summary", "Postmortem issue summary", "Issue summary",
            "What happened");
    public static final SectionRequirement IMPACT = SectionRequirement.of("Impact", "Customer impact", "User impact",
            "Business impact");
    public static final SectionRequirement TIMELINE = SectionRequirement.of("Timeline", "Incident timeline",
            "Chronology", "Timeline of events");
    public static final SectionRequirement ROOT_CAUSE = SectionRequirement.of("Root cause", "Root causes",
            "Root cause analysis", "Causes", "Contributing factors", "Contributing causes", "Fault");
    public static final SectionRequirement FIVE_WHYS = SectionRequirement.of("5 whys", "Five whys",
            "5 whys analysis", "The 5 whys", "The five whys");
    public static final SectionRequirement ACTION_ITEMS = SectionRequirement.of("Action items", "Actions",
            "Follow-ups", "Follow ups", "Follow-up actions", "Follow-up items", "Corrective actions",
            "Corrective and preventative measures", "Remediation items", "Action plan", "Backlog check");
    public static final SectionRequirement WENT_WELL = SectionRequirement.of("What went well", "Went well",
            "What worked", "Where we got lucky");
    public static final SectionRequirement WENT_WRONG = SectionRequirement.of("What went wrong", "Went wrong",
            "What went badly", "What didn't work", "What did not work", "What didn't go so well",
            "What did not go so well");
    /** Google SRE book: what set the incident off (Trigger), and Atlassian's Leadup. */
    public static final SectionRequirement TRIGGER = SectionRequirement.of("Trigger", "Triggers", "Leadup",
            "Lead-up");
    /** How the incident was noticed (Google SRE book, Atlassian). */
    public static final SectionRequirement DETECTION = SectionRequirement.of("Detection", "How it was detected");
    /** Alert runbooks (kube-prometheus style): what the alert means. */
    public static final SectionRequirement MEANING = SectionRequirement.of("Meaning", "Alert meaning",
            "What this alert means", "Alert description");
    public static final SectionRequirement LESSONS = new SectionRequirement("Lessons learned",
            List.of("Lessons", "Learnings", "Takeaways", "Key learnings"), List.of(WENT_WELL, WENT_WRONG));

    public static final SectionRequirement OVERVIEW = SectionRequirement.of("Overview", "Description", "About",
            "Service overview");
    public static final SectionRequirement SYMPTOMS = SectionRequirement.of("Symptoms", "Common failures",
            "Failure scenarios", "Failure modes", "Common failure scenarios");
    public static final SectionRequirement DIAGNOSIS = SectionRequirement.of("Diagnosis", "Troubleshooting",
            "Investigation", "Diagnostics", "Triage", "Diagnosis steps");
    public static final SectionRequirement MITIGATION = SectionRequirement.of("Mitigation", "Remediation",
            "Recovery", "Resolution", "Rollback", "Mitigation steps", "Response", "Fix", "Remedy");
    public static final SectionRequirement VALIDATION = SectionRequirement.of("Validation", "Verification",
            "Post-recovery checks", "Verify recovery", "Verify");
    public static final SectionRequirement ESCALATION = SectionRequirement.of("Escalation", "Escalations",
            "Contacts", "Who to call", "Escalation path");

    private static final List<SectionRequirement> POSTMORTEM = List.of(SUMMARY, IMPACT, TIMELINE, ROOT_CAUSE,
            ACTION_ITEMS, LESSONS);
    private static final List<SectionRequirement> RUNBOOK = List.of(OVERVIEW, SYMPTOMS, DIAGNOSIS, MITIGATION,
            VALIDATION, ESCALATION);

    private DefaultSections() {
    }

    public static List<SectionRequirement> forBase(KindBase base) {
        return switch (base) {
            case POSTMORTEM -> POSTMORTEM;
            case RUNBOOK -> RUNBOOK;
            case GENERIC -> List.of();
        };
    }

    /** A built-in section by name, including those that are only looked up (5 whys, went well…). */
    public static Optional<SectionRequirement> find(String name) {
        String n = SectionRequirement.normalize(name);
        return Stream.of(SUMMARY, IMPACT, TIMELINE, ROOT_CAUSE, FIVE_WHYS, ACTION_ITEMS, WENT_WELL, WENT_WRONG,
                        LESSONS, OVERVIEW, SYMPTOMS, DIAGNOSIS, MITIGATION, VALIDATION, ESCALATION, TRIGGER, DETECTION,
                        MEANING)
                .filter(s -> SectionRequirement.normalize(s.name()).equals(n)).findFirst();
    }
}
