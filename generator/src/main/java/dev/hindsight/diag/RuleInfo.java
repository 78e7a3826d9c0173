package dev.hindsight.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each rule id means, for reports that describe their rules (SARIF {@code tool.driver.rules},
 * the GitHub step summary). One place for every id the code emits; {@code RuleInfoTest} fails when a
 * rule id appears in the sources without an entry here.
 *
 * @param id               the rule id, as in {@code error[rule-id]}
 * @param defaultSeverity  the severity it reports at unless {@code rules:} in hindsight.yml says otherwise; null
 *                         for ids that are not a rule a site can grade (setup failures, hostile input)
 * @param shortDescription one line, no final period
 * @param fullDescription  what the rule checks and how to satisfy it
 * @param readmeAnchor     the README section that documents it
 */
public record RuleInfo(String id, Severity defaultSeverity, String shortDescription, String fullDescription,
                       String readmeAnchor) {

    /** The README the help URIs point into. */
    public static final String README_URI = "https://github.com/hindsight-dev/hindsight/blob/main/README.md";

    private static final String IN_RULES = "rules";
    private static final String HOSTILE = "hostile-content";
    private static final String SITE = "a-knowledge-base";
    private static final String CLI = "the-command-line";
    private static final String OUTPUT = "the-site";
    private static final String LEARNING = "learning-from-incidents";
    private static final String ALERTS = "alert-rules-and-runbooks";

    // The rules of validate/, one class each: the classes take id and default severity from these constants.

    public static final RuleInfo FRONT_MATTER_SCHEMA = rule("front-matter-schema", Severity.ERROR,
            "Front matter does not match the kind's schema",
            "The front matter is checked against the kind's JSON Schema, at the offending key.", IN_RULES);

    public static final RuleInfo REQUIRED_SECTION = rule("required-section", Severity.ERROR,
            "A required section is missing",
            "Each kind's sections must exist (any heading level, aliases allowed, case-insensitive).", IN_RULES);

    public static final RuleInfo TIMELINE_ORDER = rule("timeline-order", Severity.ERROR,
            "Timeline entries go back in time",
            "Timeline entries must run forward.", IN_RULES);

    public static final RuleInfo TIMELINE_WINDOW = rule("timeline-window", Severity.WARNING,
            "A timeline entry lies outside the incident",
            "Entries should lie between incident.started and incident.resolved.", IN_RULES);

    public static final RuleInfo INCIDENT_TIMES_ORDER = rule("incident-times-order", Severity.ERROR,
            "Incident times are out of order",
            "started <= detected <= acknowledged <= mitigated <= resolved.", IN_RULES);

    public static final RuleInfo INCIDENT_TIMES_REQUIRED = rule("incident-times-required", Severity.ERROR,
            "A published postmortem lacks incident times",
            "A published postmortem gives incident.started, detected and resolved.", IN_RULES);

    public static final RuleInfo FIVE_WHYS = rule("five-whys", Severity.ERROR,
            "The root cause has too few whys",
            "The root cause holds a five-whys list of at least whys.minimum steps.", IN_RULES);

    public static final RuleInfo ACTION_ITEM_OWNER = rule("action-item-owner", Severity.ERROR,
            "An action item has no owner",
            "Every action item names an owner.", IN_RULES);

    public static final RuleInfo ACTION_ITEM_DUE = rule("action-item-due", Severity.ERROR,
            "An action item has no due date",
            "Every action item has a YYYY-MM-DD due date.", IN_RULES);

    public static final RuleInfo ACTION_ITEM_OVERDUE = rule("action-item-overdue", Severity.WARNING,
            "An open action item is overdue",
            "Open action items due before the reference date are reported.", IN_RULES);

    public static final RuleInfo RUNBOOK_DIAGNOSIS_STEPS = rule("runbook-diagnosis-steps", Severity.ERROR,
            "Diagnosis is not a numbered list",
            "A runbook's Diagnosis section is a numbered list of steps.", IN_RULES);

    public static final RuleInfo RUNBOOK_MITIGATION_CODE = rule("runbook-mitigation-code", Severity.ERROR,
            "Mitigation has no code block",
            "A runbook's Mitigation section holds the commands in a code block.", IN_RULES);

    public static final RuleInfo RUNBOOK_STALE = rule("runbook-stale", Severity.WARNING,
            "The runbook is due for review",
            "last_reviewed + review_every lies before the reference date.", IN_RULES);

    public static final RuleInfo RUNBOOK_UNTESTED = rule("runbook-untested", Severity.WARNING,
            "The runbook was not tested recently",
            "last_tested is older than review.tested_within.", IN_RULES);

    public static final RuleInfo BLAMELESS_LANGUAGE = rule("blameless-language", Severity.WARNING,
            "Blaming language",
            "Phrases that read as blame (blameless.phrases), reported where they stand.", IN_RULES);

    public static final RuleInfo MENTION = rule("mention", Severity.WARNING,
            "A person is @mentioned",
            "@name mentions (only with blameless.mentions: true).", IN_RULES);

    public static final RuleInfo PLACEHOLDER = rule("placeholder", Severity.ERROR,
            "A placeholder is left from the template",
            "TODO, TBD and FIXME left in a document: an error once published, a warning in drafts.", IN_RULES);

    public static final RuleInfo DUPLICATE_ID = rule("duplicate-id", Severity.ERROR,
            "An id or page path is used twice",
            "Document ids and page paths are unique across the site.", IN_RULES);

    public static final RuleInfo UNKNOWN_SERVICE = rule("unknown-service", Severity.ERROR,
            "The service is not in the catalog",
            "Service ids exist in services.yml or the Backstage catalog (when there is one).", IN_RULES);

    public static final RuleInfo UNKNOWN_RUNBOOK = rule("unknown-runbook", Severity.ERROR,
            "The runbook id does not exist",
            "Ids listed under runbooks: name runbooks of the site.", IN_RULES);

    public static final RuleInfo BROKEN_LINK = rule("broken-link", Severity.ERROR,
            "A relative link goes nowhere",
            "Relative links stay inside the site, and links to .md files name a document of the site.", IN_RULES);

    public static final RuleInfo MISSING_ASSET = rule("missing-asset", Severity.ERROR,
            "A linked file or image cannot be published",
            "Images and files a document links to exist in the site, not hidden and not behind a link to outside;"
                    + " they are copied beside the pages.", IN_RULES);

    public static final RuleInfo BROKEN_ANCHOR = rule("broken-anchor", Severity.ERROR,
            "A link's #anchor does not exist",
            "#anchors of links resolve to a heading of the target.", IN_RULES);

    public static final RuleInfo DUPLICATE_ALERT = rule("duplicate-alert", Severity.ERROR,
            "An alert belongs to two runbooks",
            "Each alert name is listed by one runbook.", IN_RULES);

    // The checks of alerting/, between the alert rules named by `alerting.rules` and the site's runbooks.

    public static final RuleInfo ALERT_RULE_FILE = rule("alert-rule-file", Severity.ERROR,
            "An alert rule file cannot be read",
            "Files named by alerting.rules are Prometheus rule files (groups[].rules[]), PrometheusRule resources"
                    + " or ruler namespace maps; a glob that matches no file is a warning.", ALERTS);

    public static final RuleInfo ALERT_NO_RUNBOOK = rule("alert-no-runbook", Severity.ERROR,
            "An alert has no runbook URL",
            "Every alerting rule carries the runbook annotation: an error for alerts whose severity label is one of"
                    + " alerting.page_severities, a warning below.", ALERTS);

    public static final RuleInfo ALERT_RUNBOOK_MISSING = rule("alert-runbook-missing", Severity.ERROR,
            "An alert's runbook URL leads to no page",
            "A runbook URL under alerting.runbook_url.pattern must name a page of this site.", ALERTS);

    public static final RuleInfo ALERT_UNDEFINED = rule("alert-undefined", Severity.WARNING,
            "A runbook lists an alert no rule defines",
            "Alerts a runbook lists under alerts: are defined by a rule of the alerting.rules files.", ALERTS);

    public static final RuleInfo ALERT_NOT_LISTED = rule("alert-not-listed", Severity.WARNING,
            "A runbook does not list the alert that links to it",
            "A runbook that an alert's runbook URL leads to lists that alert under alerts:.", ALERTS);

    public static final RuleInfo ALERT_RUNBOOK_CONFLICT = rule("alert-runbook-conflict", Severity.ERROR,
            "An alert is defined twice with different runbooks",
            "Every definition of one alert name carries the same runbook URL.", ALERTS);

    public static final RuleInfo UNSAFE_LINK = rule("unsafe-link", Severity.WARNING,
            "An unsafe link is dropped",
            "javascript:, vbscript: and data: links are removed from the site.", HOSTILE);

    public static final RuleInfo UNKNOWN_FACTOR = rule("unknown-factor", Severity.ERROR,
            "The contributing factor is not in the taxonomy",
            "Ids under contributing_factors: name a factor of the site's taxonomy (contributing_factors: in"
                    + " hindsight.yml, else the shipped one).", LEARNING);

    public static final RuleInfo RECURRING_INCIDENT = rule("recurring-incident", Severity.INFO,
            "The incident has happened before",
            "The newest incident of a pattern (a shared service and contributing factor or alert within"
                    + " recurrence.window_days) names its predecessors.", LEARNING);

    public static final RuleInfo ACTION_ITEM_SLO = rule("action-item-slo", Severity.WARNING,
            "An action item is past its priority's objective",
            "An open item with a priority is finished within action_items.objectives days of the postmortem's"
                    + " date; a priority without an objective is reported too.", LEARNING);

    public static final RuleInfo TICKET_EXPORT = rule("ticket-export", Severity.ERROR,
            "The ticket export cannot be read",
            "tickets.export names a Jira CSV export or GitHub issues JSON inside the site.", LEARNING);

    public static final RuleInfo TICKET_STATUS = rule("ticket-status", Severity.WARNING,
            "An action item's status disagrees with its ticket",
            "Open here but closed in the ticket export, or done here but open there.", LEARNING);

    private static final List<RuleInfo> REGISTRY = List.of(
            rule("front-matter-yaml", Severity.ERROR, "Front matter is not valid YAML",
                    "The YAML front matter between the --- lines must parse; YAML aliases are not supported.", IN_RULES),
            rule("front-matter-duplicate-key", Severity.ERROR, "Front matter repeats a key",
                    "Each key may appear once in a front-matter mapping.", IN_RULES),
            rule("front-matter-unclosed", Severity.ERROR, "Front matter has no closing ---",
                    "Front matter that starts with --- must end with a --- line.", IN_RULES),
            FRONT_MATTER_SCHEMA,
            rule("front-matter-type", Severity.ERROR, "A front-matter value has the wrong type",
                    "Dates (YYYY-MM-DD), times (ISO-8601 with an offset) and periods (P90D) must be readable.", IN_RULES),
            REQUIRED_SECTION,
            rule("timeline-format", Severity.ERROR, "A timeline entry does not start with a time",
                    "Each timeline entry starts with HH:MM or YYYY-MM-DD HH:MM.", IN_RULES),
            TIMELINE_ORDER,
            TIMELINE_WINDOW,
            INCIDENT_TIMES_ORDER,
            INCIDENT_TIMES_REQUIRED,
            FIVE_WHYS,
            ACTION_ITEM_OWNER,
            ACTION_ITEM_DUE,
            ACTION_ITEM_OVERDUE,
            RUNBOOK_DIAGNOSIS_STEPS,
            RUNBOOK_MITIGATION_CODE,
            RUNBOOK_STALE,
            RUNBOOK_UNTESTED,
            BLAMELESS_LANGUAGE,
            MENTION,
            PLACEHOLDER,
            DUPLICATE_ID,
            UNKNOWN_SERVICE,
            UNKNOWN_RUNBOOK,
            BROKEN_LINK,
            MISSING_ASSET,
            BROKEN_ANCHOR,
            DUPLICATE_ALERT,
            ALERT_RULE_FILE,
            ALERT_NO_RUNBOOK,
            ALERT_RUNBOOK_MISSING,
            ALERT_UNDEFINED,
            ALERT_NOT_LISTED,
            ALERT_RUNBOOK_CONFLICT,
            UNSAFE_LINK,
            UNKNOWN_FACTOR,
            RECURRING_INCIDENT,
            ACTION_ITEM_SLO,
            TICKET_EXPORT,
            TICKET_STATUS,
            rule("encoding", "The file is not valid UTF-8",
                    "Documents are UTF-8 without NUL bytes.", HOSTILE),
            rule("file-too-large", "The file is over the size limit",
                    "Files larger than limits.max_file_size are skipped.", HOSTILE),
            rule("markdown-too-deep", "Markdown is nested too deeply",
                    "Markdown nested more than 100 levels is shown as plain text.", HOSTILE),
            rule("markdown-paragraph-too-long", "A paragraph is too long",
                    "A paragraph over 16 KiB is shown as plain text.", HOSTILE),
            rule("symlink-outside-root", "A link leads outside the site root",
                    "Symbolic links to files or folders outside the site root are not followed.", HOSTILE),
            rule("read-error", "A file cannot be read",
                    "The file exists but could not be read.", HOSTILE),
            rule("config", "hindsight.yml has a problem",
                    "hindsight.yml must parse and use known keys only.", SITE),
            rule("service-catalog", Severity.ERROR, "The service catalog has a problem",
                    "services.yml or catalog-info.yaml must parse and use known keys only.", SITE),
            rule("unknown-kind", "The document kind is not configured",
                    "A type: names a kind of hindsight.yml.", SITE),
            rule("reference-date", "No reference date for date checks",
                    "Overdue and stale checks need --reference-date, SOURCE_DATE_EPOCH or a Git HEAD.", CLI),
            rule("setup", "The run could not start",
                    "The source or output directory cannot be used.", CLI),
            rule("no-config", "The folder is not a knowledge base",
                    "check and build need a hindsight.yml in the source folder; hindsight init writes one.", CLI),
            rule("no-documents", "No document was recognized",
                    "No Markdown file lies in a kind's folder or names its kind with type:; map the folders in kinds.", CLI),
            rule("stack-overflow", "The run ran out of stack",
                    "Usually a template of the site that calls itself; otherwise raise the stack with -Xss.", CLI),
            rule("out-of-memory", "The run ran out of memory",
                    "Raise the heap (HINDSIGHT_JAVA_OPTS or MAVEN_OPTS with -Xmx).", CLI),
            rule("git-unavailable", "No Git history",
                    "Without a Git repository pages have no dates or contributors.", CLI),
            rule("git-shallow", "The clone is shallow",
                    "A shallow clone gives approximate dates; fetch the whole history.", CLI),
            rule("git-error", "The Git repository cannot be read",
                    "The Git history could not be read.", CLI),
            rule("template", "A template failed",
                    "A built-in or site template could not render a page.", OUTPUT),
            rule("page-conflict", "Two pages want the same path",
                    "Two documents or generated pages would write the same file.", OUTPUT),
            rule("static-conflict", "A static file would replace a generated one",
                    "Files under static/ may not have the path of a generated page or folder; the generated one is kept.",
                    OUTPUT),
            rule("static-dotfile", "A hidden file under static/ is not published",
                    "Paths under static/ starting with a dot are left out unless static.include_dotfiles lists them.",
                    OUTPUT),
            rule("file-name", "A file name cannot be used",
                    "Control characters, backslashes or bytes that are not UTF-8 in a name: the file is not read;"
                            + " characters other systems refuse are a warning.", HOSTILE),
            rule("unclosed-code-fence", Severity.ERROR, "A code fence is never closed",
                    "A ``` or ~~~ fence that runs to the end of the file turns every later section into code.",
                    IN_RULES),
            rule("hugo-shortcode", Severity.WARNING, "A Hugo shortcode cannot be rendered",
                    "ref and relref become links; other shortcodes are left out of the page, never printed raw.", SITE),
            rule("raw-html", "Raw HTML was shown as text or dropped",
                    "Only the safe subset of HTML stays on the page; other tags show as text so nothing after them is lost.",
                    HOSTILE),
            rule("markdown-quote-too-long", "A block quote is too long",
                    "More than 2000 quoted lines in a row would cost too much to render; the document is shown as text.",
                    HOSTILE),
            rule("markdown-too-many-blocks", "A document has too many blocks",
                    "More than 20000 Markdown lines and blocks outside fenced code (a heading counts 10, two"
                            + " inline marks one) would cost too much to parse; the document is shown as text.", HOSTILE),
            rule("special-file", "A document is not a regular file",
                    "A named pipe, socket or device (also behind a link) is never read.", HOSTILE),
            rule("page-path", "A page path is not usable",
                    "A document's page path must be a safe relative path.", OUTPUT),
            rule("sitemap", "No sitemap or feed without base_url",
                    "feed.xml and sitemap.xml need base_url for absolute URLs.", OUTPUT));

    private static final Map<String, RuleInfo> ALL = index(REGISTRY);

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(fullDescription, "fullDescription");
        Objects.requireNonNull(readmeAnchor, "readmeAnchor");
    }

    private static RuleInfo rule(String id, Severity severity, String shortText, String fullText, String anchor) {
        return new RuleInfo(id, severity, shortText, fullText, anchor);
    }

    private static RuleInfo rule(String id, String shortText, String fullText, String anchor) {
        return new RuleInfo(id, null, shortText, fullText, anchor);
    }

    private static Map<String, RuleInfo> index(List<RuleInfo> rules) {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            if (m.put(r.id(), r) != null) {
                throw new IllegalStateException("rule " + r.id() + " listed twice");
            }
        }
        return Map.copyOf(m);
    }

    /** The rule's entry, if known. */
    public static Optional<RuleInfo> of(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** The entry, or a plain one naming the id (for ids from a newer or a site's own rule). */
    public static RuleInfo describe(String id) {
        return of(id).orElseGet(() -> new RuleInfo(id, null, id, "Hindsight rule " + id + ".", IN_RULES));
    }

    /**
     * The rules with a default severity, in the order of the README's rule table: what
     * {@code hindsight rules} prints and {@code RuleInfoTest} checks that table against.
     */
    public static List<RuleInfo> registry() {
        return REGISTRY.stream().filter(r -> r.defaultSeverity() != null).toList();
    }

    /** Every known rule id. */
    public static java.util.Set<String> ids() {
        return new java.util.TreeSet<>(ALL.keySet());
    }

    /** Where the rule is documented. */
    public String helpUri() {
        return README_URI + "#" + readmeAnchor;
    }
}
