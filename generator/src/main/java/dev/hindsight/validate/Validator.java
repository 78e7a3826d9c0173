package dev.hindsight.validate;

import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.KnowledgeBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Runs every rule over the knowledge base and collects what they report. */
public final class Validator {

    public static final String RULE_REFERENCE_DATE = "reference-date";

    private final List<Rule> rules;

    public Validator(SiteConfig config, Path root, Diagnostics diagnostics) {
        this.rules = List.of(
                new FrontMatterSchemaRule(SchemaSet.load(config, root, diagnostics)),
                new RequiredSectionsRule(),
                new TimelineOrderRule(),
                new TimelineWindowRule(),
                new IncidentTimesOrderRule(),
                new IncidentTimesRequiredRule(),
                new FiveWhysRule(),
                new ActionItemOwnerRule(),
                new ActionItemDueRule(),
                new ActionItemOverdueRule(),
                new RunbookMitigationRule(),
                new RunbookDiagnosisRule(),
                new RunbookStaleRule(),
                new RunbookUntestedRule(),
                new BlamelessLanguageRule(),
                new MentionRule(),
                new PlaceholderRule(),
                new DuplicateIdRule(),
                new UnknownServiceRule(),
                new UnknownRunbookRule(),
                new BrokenLinkRule(),
                new MissingAssetRule(),
                new BrokenAnchorRule(),
                new UnsafeLinkRule(),
                new DuplicateAlertRule());
    }

    /** The ids of every rule, sorted: for documentation and for checking {@code rules:} in the config. */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).sorted().toList();
    }

    public void validate(KnowledgeBase kb, SiteConfig config, ServiceCatalog services, LocalDate referenceDate,
                         Path root, Diagnostics diagnostics) {
        if (referenceDate == null) {
            diagnostics.info(RULE_REFERENCE_DATE, Position.ofFile(SiteConfig.FILE_NAME),
                    "no reference date (no Git history, --reference-date or SOURCE_DATE_EPOCH): "
                            + "overdue and stale checks are skipped");
        }
        Context context = new Context(kb, config, services, referenceDate, root);
        for (Rule rule : rules) {
            Optional<Severity> severity = config.validation().severityOf(rule.id(), rule.defaultSeverity());
            severity.ifPresent(s -> rule.check(context, new Reporter(rule.id(), s, diagnostics)));
        }
    }
}
