package dev.hindsight.render;

import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything the pages show beyond one document, as templates ask for it ({@code view.x(...)}): a facade
 * over one index per concern, worked out once per build from the published knowledge base — document
 * lists ({@link DocumentLists}), backlinks ({@link Backlinks}), runbook freshness
 * ({@link RunbookFreshness}), the action-item tracker ({@link ActionItems}), service, tag and alert pages
 * ({@link ServiceIndex}, {@link TagIndex}, {@link AlertIndex}), the metrics ({@link MetricsBuilder}) and
 * helpers that depend on their arguments alone ({@link TemplateHelpers}). Immutable, so pages can render
 * in parallel. Every list is sorted with ties broken on the source path, so the output never depends on
 * map or thread order. Page paths here are relative to the site root; templates put {@code root} in front.
 *
 * <p>The public methods are what templates, sites' own template overrides included, call: their names
 * and signatures stay. The preview records each call ({@link RecordingWrapper} reads this class's methods).
 */
public final class SiteView {

    private final ViewParts parts;
    private final LearningViews learning;
    private final AlertPages alertPages;
    /**
     * The table of contents and alert anchors of each runbook's page (without its HTML), made once per runbook
     * for the pages of the alerts it handles rather than once per alert: by runbook, for the HTML it holds.
     */
    private final java.util.Map<Document, Anchors> anchors =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** A runbook's anchors ({@link #anchors}) and the HTML they were made of, which they do not keep alive. */
    private record Anchors(java.lang.ref.WeakReference<String> html, DocumentPage page) {
    }

    public SiteView(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config) {
        this(kb, catalog, config, LearningViews.of(kb, catalog, config, null), AlertPages.none());
    }

    /**
     * @param learning   what the site learns across its postmortems, from the same {@code kb}
     * @param alertPages the alert pages of the build ({@link AlertPages}, from its alert catalog)
     */
    public SiteView(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config, LearningViews learning,
                    AlertPages alertPages) {
        this(ViewParts.of(kb, catalog, config), learning, alertPages);
    }

    private SiteView(ViewParts parts, LearningViews learning, AlertPages alertPages) {
        this.parts = parts;
        this.learning = learning;
        this.alertPages = alertPages;
    }

    /** The indexes this view answers from. */
    ViewParts parts() {
        return parts;
    }

    /**
     * The view of this view's documents without those {@code gone} and with those {@code added} (an
     * edited document is in both: its old instance gone, its new one added), with the same catalog,
     * configuration, Git history and reference date. Equal to {@code new SiteView(kb, catalog, config)}
     * for the knowledge base of those documents, at a cost that grows with the change ({@link ViewPatch}).
     */
    public SiteView next(Collection<? extends Document> gone, Collection<? extends Document> added) {
        return next(gone, added, alertPages);
    }

    /** As {@link #next(Collection, Collection)}, with the alert pages of the new documents. */
    public SiteView next(Collection<? extends Document> gone, Collection<? extends Document> added,
                         AlertPages alertPages) {
        ViewParts after = ViewPatch.next(parts, gone, added);
        return new SiteView(after, learning.next(concat(after.documents().postmortems(),
                after.documents().runbooks(), after.documents().others())), alertPages);
    }

    // ---- documents ------------------------------------------------------------------------------

    /** Every postmortem, newest first. */
    public List<Postmortem> postmortems() {
        return parts.documents().postmortems();
    }

    public List<Postmortem> recentPostmortems(int n) {
        return parts.documents().recentPostmortems(n);
    }

    /** Every runbook, by title. */
    public List<Runbook> runbooks() {
        return parts.documents().runbooks();
    }

    /** The services the runbooks name, each once, in the order of {@link #runbooks()} (a filter's choices). */
    public List<String> runbookServices() {
        return distinct(runbooks().stream().map(Runbook::service));
    }

    /** The owners the runbooks name, each once, in the order of {@link #runbooks()} (a filter's choices). */
    public List<String> runbookOwners() {
        return distinct(runbooks().stream().map(Runbook::owner));
    }

    private static List<String> distinct(java.util.stream.Stream<String> values) {
        return values.filter(v -> v != null && !v.isEmpty()).distinct().toList();
    }

    /** Documents of site-defined kinds, by title. */
    public List<GenericDocument> others() {
        return parts.documents().others();
    }

    /** "Today" for overdue and stale; null when the build has no reference date. */
    public LocalDate referenceDate() {
        return parts.today();
    }

    // ---- runbooks -------------------------------------------------------------------------------

    public Freshness freshness(Runbook r) {
        return parts.freshness().of(r);
    }

    /** Runbooks whose review is overdue, most overdue first. */
    public List<Runbook> staleRunbooks() {
        return parts.freshness().stale();
    }

    /** Runbooks falling due for review within {@link Freshness#SOON_DAYS} days, soonest first. */
    public List<Runbook> dueSoonRunbooks() {
        return parts.freshness().dueSoon();
    }

    /** Postmortems whose {@code runbooks:} names this runbook, newest first. */
    public List<Postmortem> backlinks(Runbook r) {
        return backlinks(r.id());
    }

    /** Postmortems whose {@code runbooks:} names {@code runbookId}, newest first. */
    public List<Postmortem> backlinks(String runbookId) {
        return parts.backlinks().of(runbookId);
    }

    /** The runbooks a postmortem names, in its order; unknown ids keep a null runbook. */
    public List<RunbookRef> relatedRunbooks(Postmortem p) {
        return parts.backlinks().related(p);
    }

    // ---- action items ---------------------------------------------------------------------------

    /** Every action item, by due date (undated last), then postmortem and line. */
    public List<ActionRow> actions() {
        return parts.actions().all();
    }

    /** The action items of one postmortem, in the order written. */
    public List<ActionRow> actions(Postmortem p) {
        return parts.actions().of(p);
    }

    /** Items in {@code state} ({@code overdue}, {@code open} or {@code done}), by due date; none for another text. */
    public List<ActionRow> actions(String state) {
        return ActionState.of(state).map(parts.actions()::in).orElse(List.of());
    }

    /** Open items, overdue or not, by due date. */
    public List<ActionRow> openActions() {
        return parts.actions().open();
    }

    /** Items in {@code state} grouped by owner team (teams by name, unowned last), each group by due date. */
    public List<TeamGroup> actionGroups(String state) {
        return ActionState.of(state).map(parts.actions()::groups).orElse(List.of());
    }

    /** The owner teams of every item, each once: overdue groups first, then open, then done ("" for no owner). */
    public List<String> actionTeams() {
        return java.util.stream.Stream.of(ActionState.values())
                .flatMap(state -> parts.actions().groups(state).stream()).map(TeamGroup::team).distinct().toList();
    }

    // ---- services -------------------------------------------------------------------------------

    /** Every service named by the catalog or by a document, by slug. */
    public List<ServiceView> services() {
        return parts.services().services();
    }

    public Optional<ServiceView> service(String id) {
        return parts.services().find(id);
    }

    /** The page of a service id, from the site root. */
    @ArgumentsOnly
    public String serviceHref(String id) {
        return TemplateHelpers.serviceHref(id);
    }

    /** A service's display name: its catalog name, else its id. */
    public String serviceName(String id) {
        return parts.services().name(id);
    }

    // ---- tags -----------------------------------------------------------------------------------

    /** Every tag, by slug. */
    public List<TagView> tags() {
        return parts.tags().tags();
    }

    @ArgumentsOnly
    public String tagHref(String tag) {
        return TemplateHelpers.tagHref(tag);
    }

    // ---- alerts ---------------------------------------------------------------------------------

    /** Every alert named by a runbook, by name. */
    public List<AlertView> alerts() {
        return parts.alerts().alerts();
    }

    /**
     * A document's body as its page shows it: headings with permalinks, the table of contents, a
     * runbook's alerts as anchors and, for a postmortem with tracked action items, the slot for them.
     * {@code bodyHtml} is the document's rendered body (the template passes it).
     */
    @ArgumentsOnly
    public DocumentPage page(Document d, String bodyHtml) {
        List<String> alerts = d instanceof Runbook r ? r.alerts() : List.of();
        boolean slot = d instanceof Postmortem p && !actions(p).isEmpty();
        DocumentPage page = DocumentPage.of(bodyHtml, alerts, slot);
        if (d instanceof Runbook && !alerts.isEmpty()) {
            // The pages of its alerts need its anchors ({@link #anchors}): not scanned again for them.
            anchors.putIfAbsent(d, new Anchors(new java.lang.ref.WeakReference<>(bodyHtml),
                    new DocumentPage("", page.toc(), page.alertAnchors())));
        }
        return page;
    }

    /**
     * The fragment ("#..." or "") of the part of an alert's runbook that handles it: a heading naming
     * the alert, else its first mention, else Mitigation, else the top.
     */
    @ArgumentsOnly
    public String alertFragment(AlertView a, String runbookHtml) {
        String fragment = anchors(a.runbook(), runbookHtml).alertFragment(a.name());
        return fragment.isEmpty() ? "" : "#" + fragment;
    }

    /**
     * {@link #page} without its HTML, remembered for {@code d} and this very {@code html} (the built-in templates
     * pass the body HTML the document holds; the same text in another string is worked out again).
     */
    private DocumentPage anchors(Document d, String html) {
        Anchors known = anchors.get(d);
        if (known != null && known.html().get() == html) {
            return known.page();
        }
        List<String> alerts = d instanceof Runbook r ? r.alerts() : List.of();
        DocumentPage page = BodyScan.page(html, alerts, false, false);
        if (page == null) {
            DocumentPage p = page(d, html);
            page = new DocumentPage("", p.toc(), p.alertAnchors());
        }
        anchors.put(d, new Anchors(new java.lang.ref.WeakReference<>(html), page));
        return page;
    }

    // ---- the rest -------------------------------------------------------------------------------

    public MetricsView metrics() {
        return parts.metrics();
    }

    /** Severity values for the postmortem filter: the site's order, then any others in use. */
    public List<String> severitiesInUse() {
        return MetricsBuilder.severitiesInUse(parts.metrics(), postmortems());
    }

    /** Years that have postmortems, newest first. */
    public List<Integer> years() {
        return TemplateHelpers.years(postmortems());
    }

    /** The year a postmortem counts in, or "" when it has no date. */
    public String year(Postmortem p) {
        return TemplateHelpers.year(p);
    }

    @ArgumentsOnly
    public String ticketHref(String ticket) {
        return TemplateHelpers.ticketHref(parts.config().ticketUrl(), ticket);
    }

    @ArgumentsOnly
    public String webHref(String url) {
        return TemplateHelpers.webHref(url);
    }

    @ArgumentsOnly
    public String contactHref(String contact) {
        return TemplateHelpers.contactHref(contact);
    }

    @ArgumentsOnly
    public String slug(String text) {
        return TemplateHelpers.slug(text);
    }

    // ---- learning from incidents (LearningViews) --------------------------------------------------

    private static List<Document> concat(List<? extends Document> a, List<? extends Document> b,
                                         List<? extends Document> c) {
        List<Document> out = new ArrayList<>(a.size() + b.size() + c.size());
        out.addAll(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    LearningViews learning() {
        return learning;
    }

    public List<LearningViews.PatternView> patterns() {
        return learning.patterns();
    }

    public List<dev.hindsight.learning.Predecessor> predecessors(Postmortem p) {
        return learning.predecessors(p);
    }

    public List<dev.hindsight.config.ContributingFactor> taxonomy() {
        return learning.taxonomy();
    }

    public List<dev.hindsight.learning.FactorIncidents> factors() {
        return learning.factors();
    }

    public LearningViews.FactorView factor(String id) {
        return learning.factor(id);
    }

    @ArgumentsOnly
    public String factorLabel(String id) {
        return learning.factorLabel(id);
    }

    @ArgumentsOnly
    public String factorHref(String id) {
        return LearningViews.factorPath(id);
    }

    @ArgumentsOnly
    public String teamHref(String team) {
        return LearningViews.teamPath(team);
    }

    public List<String> oncallTeams() {
        return learning.teams();
    }

    public LearningViews.OncallView oncall(String team) {
        return learning.oncall(team);
    }

    public dev.hindsight.learning.RunbookUsage runbookUsage(Runbook r) {
        return learning.usage(r);
    }

    public dev.hindsight.learning.UsageLedger usageLedger() {
        return learning.ledger();
    }

    @ArgumentsOnly
    public dev.hindsight.learning.TrackedAction tracking(Postmortem p, int line) {
        return learning.tracking(p, line);
    }

    public LearningViews.LearningMetrics learningMetrics() {
        return learning.metrics();
    }

    // ---- alert pages (AlertPages) ----------------------------------------------------------------

    /** The alert pages of this build: one per alert a rule defines. */
    public List<AlertPages.AlertPage> alertPages() {
        return alertPages.pages();
    }

    /** Whether the alert has its own page (a rule defines it) rather than a redirect to its runbook. */
    public boolean alertDefined(String name) {
        return alertPages.defined(name);
    }

    /** The {@code alerts/} index: coverage, then every alert with a page, gaps and the noisiest first. */
    public AlertPages.AlertIndex alertIndex() {
        return alertPages.index();
    }

    /** The defined alerts whose runbook is {@code runbook} ("Fired by" on its page). */
    public List<AlertPages.FiredBy> firedBy(Document runbook) {
        return alertPages.firedBy(runbook);
    }

    /** The fragment ("#…" or "") of the part of {@code runbook} that handles alert {@code name}. */
    @ArgumentsOnly
    public String handlingFragment(Document runbook, String runbookHtml, String name) {
        String fragment = anchors(runbook, runbookHtml).alertFragment(name);
        return fragment.isEmpty() ? "" : "#" + fragment;
    }

    /** That part of {@code runbook} as HTML for the alert's page at {@code pagePath} ({@link AlertHandling}). */
    @ArgumentsOnly
    public String alertHandling(Document runbook, String runbookHtml, String name, String pagePath) {
        DocumentPage p = page(runbook, runbookHtml);
        return AlertHandling.html(p, p.alertFragment(name), runbook.meta().url(), pagePath);
    }
}
