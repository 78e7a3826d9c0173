package dev.hindsight.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The built-in required sections and their accepted headings, per base kind. */
public final class DefaultSections {

    public static final SectionRequirement SUMMARY = SectionRequirement.of("Summary", "Overview",
            "Executive summary", "TL;DR", "TLDR", "Incident summary");
    public static final SectionRequirement IMPACT = SectionRequirement.of("Impact", "Customer impact", "User impact",
            "Business impact");
    public static final SectionRequirement TIMELINE = SectionRequirement.of("Timeline", "Incident timeline",
            "Chronology", "Timeline of events");
    public static final SectionRequirement ROOT_CAUSE = SectionRequirement.of("Root cause", "Root causes",
            "Root cause analysis", "Causes", "Contributing factors");
    public static final SectionRequirement FIVE_WHYS = SectionRequirement.of("5 whys", "Five whys",
            "5 whys analysis", "The 5 whys", "The five whys");
    public static final SectionRequirement ACTION_ITEMS = SectionRequirement.of("Action items", "Actions",
            "Follow-ups", "Follow ups", "Follow-up actions", "Corrective actions", "Remediation items", "Action plan");
    public static final SectionRequirement WENT_WELL = SectionRequirement.of("What went well", "Went well",
            "What worked");
    public static final SectionRequirement WENT_WRONG = SectionRequirement.of("What went wrong", "Went wrong",
            "What went badly", "What didn't work", "What did not work");
    public static final SectionRequirement LESSONS = new SectionRequirement("Lessons learned",
            List.of("Lessons", "Learnings", "Takeaways", "Key learnings"), List.of(WENT_WELL, WENT_WRONG));

    public static final SectionRequirement OVERVIEW = SectionRequirement.of("Overview", "Description", "About",
            "Service overview");
    public static final SectionRequirement SYMPTOMS = SectionRequirement.of("Symptoms", "Common failures",
            "Failure scenarios", "Failure modes", "Common failure scenarios");
    public static final SectionRequirement DIAGNOSIS = SectionRequirement.of("Diagnosis", "Troubleshooting",
            "Investigation", "Diagnostics", "Triage", "Diagnosis steps");
    public static final SectionRequirement MITIGATION = SectionRequirement.of("Mitigation", "Remediation",
            "Recovery", "Resolution", "Rollback", "Mitigation steps");
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

    public static List<SectionRequirement> forBase(String base) {
        return switch (base) {
            case KindConfig.POSTMORTEM -> POSTMORTEM;
            case KindConfig.RUNBOOK -> RUNBOOK;
            default -> List.of();
        };
    }

    /** A built-in section by name, including those that are only looked up (5 whys, went well…). */
    public static Optional<SectionRequirement> find(String name) {
        String n = SectionRequirement.normalize(name);
        return Stream.of(SUMMARY, IMPACT, TIMELINE, ROOT_CAUSE, FIVE_WHYS, ACTION_ITEMS, WENT_WELL, WENT_WRONG,
                        LESSONS, OVERVIEW, SYMPTOMS, DIAGNOSIS, MITIGATION, VALIDATION, ESCALATION)
                .filter(s -> SectionRequirement.normalize(s.name()).equals(n)).findFirst();
    }
}
