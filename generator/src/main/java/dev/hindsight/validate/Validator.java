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

/**
 * Runs every rule over the knowledge base of one site and collects what they report. Made by
 * {@link #forSite}, which reads the site's front-matter schemas once; the rule ids and default
 * severities come from {@code diag.RuleInfo}.
 */
public final class Validator {

    public static final String RULE_REFERENCE_DATE = "reference-date";

    private final SiteConfig config;
    private final Path root;
    private final SchemaSet schemas;
    private final List<Rule> rules = rules();

    private Validator(SiteConfig config, Path root, SchemaSet schemas) {
        this.config = config;
        this.root = root;
        this.schemas = schemas;
    }

    /** A validator for the site at {@code root}; a schema file that cannot be read is reported to {@code diagnostics}. */
    public static Validator forSite(SiteConfig config, Path root, Diagnostics diagnostics) {
        return new Validator(config, root, SchemaSet.load(config, root, diagnostics));
    }

    private static List<Rule> rules() {
        return List.of(
                new FrontMatterSchemaRule(),
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
                new DuplicateAlertRule(),
                new UnknownFactorRule(),
                new RecurringIncidentRule(),
                new ActionItemSloRule(),
                new TicketExportRule(),
                new TicketStatusRule());
    }

    /**
     * The {@link DocumentLocal} rules for {@code config}, to run on each document as it is read; a
     * {@link #validate} told so then leaves them out.
     */
    public static LocalChecks localChecks(SiteConfig config) {
        return new LocalChecks(config, rules());
    }

    /** The ids of every validation rule, sorted: for documentation and for checking {@code rules:} in the config. */
    public static List<String> ruleIds() {
        return java.util.stream.Stream.concat(rules().stream().map(Rule::id),
                dev.hindsight.alerting.Alerting.ruleIds().stream()).sorted().toList();
    }

    public void validate(KnowledgeBase kb, ServiceCatalog services, LocalDate referenceDate, Diagnostics diagnostics) {
        validate(kb, services, referenceDate, diagnostics, dev.hindsight.alerting.Alerting.read(config, root));
    }

    /**
     * As {@link #validate(KnowledgeBase, ServiceCatalog, LocalDate, Diagnostics)} with the alert rule files
     * already read; returns the alert catalog it checked, which the build hands on to the pages and the API.
     */
    public dev.hindsight.alerting.AlertCatalog validate(KnowledgeBase kb, ServiceCatalog services,
            LocalDate referenceDate, Diagnostics diagnostics, dev.hindsight.alerting.Alerting.Rules alertRules) {
        return validate(kb, services, referenceDate, diagnostics, alertRules, false);
    }

    /**
     * As above; with {@code localsChecked}, the {@link DocumentLocal} rules are left out, as
     * {@link #localChecks} ran them on every document of {@code kb} when it was read.
     */
    public dev.hindsight.alerting.AlertCatalog validate(KnowledgeBase kb, ServiceCatalog services,
            LocalDate referenceDate, Diagnostics diagnostics, dev.hindsight.alerting.Alerting.Rules alertRules,
            boolean localsChecked) {
        if (referenceDate == null) {
            diagnostics.info(RULE_REFERENCE_DATE, Position.ofFile(SiteConfig.FILE_NAME),
                    "no reference date (no Git history, --reference-date or SOURCE_DATE_EPOCH): "
                            + "overdue and stale checks are skipped");
        }
        Context context = new Context(kb, config, services, referenceDate, root, schemas);
        List<ProseRule> prose = new java.util.ArrayList<>();
        List<Reporter> proseOut = new java.util.ArrayList<>();
        for (Rule rule : rules) {
            if (referenceDate == null && rule instanceof NeedsReferenceDate || localsChecked && rule instanceof DocumentLocal) {
                continue;
            }
            Optional<Severity> severity = config.validation().severityOf(rule.id(), rule.defaultSeverity());
            if (severity.isEmpty()) {
                continue;
            }
            Reporter out = new Reporter(rule.id(), severity.get(), diagnostics);
            if (rule instanceof ProseRule p) {
                prose.add(p); // together below: one pass over each document's prose lines
                proseOut.add(out);
            } else {
                rule.check(context, out);
            }
        }
        ProseRule.checkAll(context, prose, proseOut);
        return dev.hindsight.alerting.Alerting.check(config, alertRules, kb, diagnostics);
    }
}
