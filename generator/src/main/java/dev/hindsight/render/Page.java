package dev.hindsight.render;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.git.FileHistory;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.Optional;

/**
 * One HTML page of the site, by kind: where it goes, its template, the navigation section it belongs to,
 * whether the sitemap lists it, and exactly what its template is given beyond the variables every page
 * has ({@link PageModel}). A page is a value: two builds' pages at one path are compared (with documents
 * by path, {@link Fingerprint}) to tell whether what the template was given changed.
 */
public sealed interface Page permits Page.OfDocument, Page.OfService, Page.OfTag, Page.OfAlert, Page.OfAlertRule,
        Page.OfFactor, Page.OfTeam, Page.SiteWide, Page.NotFound {

    String path();

    String template();

    /** The navigation section ({@code postmortems}, …); "" for none. */
    String section();

    /** Whether the sitemap lists it. */
    boolean listed();

    /** The document the page shows, for a document's own page. */
    default Optional<Document> document() {
        return Optional.empty();
    }

    /**
     * The value of this page's own template variable {@code name} ({@code doc}, {@code service}, …), or
     * {@link PageModel#SHARED} when the variable is one every page has.
     */
    Object variable(String name);

    /** A document's own page: {@code doc}, its Git {@code history} (when known) and {@code editUrl}. */
    record OfDocument(Document doc, FileHistory history, String editUrl) implements Page {

        @Override
        public String path() {
            return doc.meta().url();
        }

        @Override
        public String template() {
            return doc instanceof Postmortem ? "postmortem.ftlh" : doc instanceof Runbook ? "runbook.ftlh"
                    : "document.ftlh";
        }

        @Override
        public String section() {
            return doc instanceof Postmortem ? "postmortems" : doc instanceof Runbook ? "runbooks" : "";
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Optional<Document> document() {
            return Optional.of(doc);
        }

        @Override
        public Object variable(String name) {
            return switch (name) {
                case "doc" -> doc;
                case "history" -> history; // absent (null) when Git knows nothing of the file
                case "editUrl" -> editUrl;
                default -> PageModel.SHARED;
            };
        }
    }

    /** A service's page: {@code service}. */
    record OfService(ServiceView service) implements Page {

        @Override
        public String path() {
            return "services/" + service.slug() + "/index.html";
        }

        @Override
        public String template() {
            return "service.ftlh";
        }

        @Override
        public String section() {
            return "services";
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Object variable(String name) {
            return name.equals("service") ? service : PageModel.SHARED;
        }
    }

    /** A tag's page: {@code tag}. */
    record OfTag(TagView tag) implements Page {

        @Override
        public String path() {
            return "tags/" + tag.slug() + "/index.html";
        }

        @Override
        public String template() {
            return "tag.ftlh";
        }

        @Override
        public String section() {
            return "tags";
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Object variable(String name) {
            return name.equals("tag") ? tag : PageModel.SHARED;
        }
    }

    /**
     * The stable page of an alert no rule defines (only a runbook lists it): a small redirect to the part of its
     * runbook that handles it, {@code alert}. Not in the sitemap.
     */
    record OfAlert(AlertView alert) implements Page {

        @Override
        public String path() {
            return alert.path();
        }

        @Override
        public String template() {
            return "alert.ftlh";
        }

        @Override
        public String section() {
            return "alerts";
        }

        @Override
        public boolean listed() {
            return false;
        }

        @Override
        public Object variable(String name) {
            return name.equals("alert") ? alert : PageModel.SHARED;
        }
    }

    /**
     * The page of an alert a rule file defines, {@code alert}: the way to the fix first (its runbook's handling
     * section and a link to it), then the rule and the incidents it appeared in. Not in the sitemap.
     */
    record OfAlertRule(AlertPages.AlertPage alert) implements Page {

        @Override
        public String path() {
            return alert.path();
        }

        @Override
        public String template() {
            return "alert-rule.ftlh";
        }

        @Override
        public String section() {
            return "alerts";
        }

        @Override
        public boolean listed() {
            return false;
        }

        @Override
        public Object variable(String name) {
            return name.equals("alert") ? alert : PageModel.SHARED;
        }
    }

    /** A contributing factor's page: {@code factor} (its id, label and description; the view has its incidents). */
    record OfFactor(dev.hindsight.config.ContributingFactor factor) implements Page {

        @Override
        public String path() {
            return LearningViews.factorPath(factor.id());
        }

        @Override
        public String template() {
            return "factor.ftlh";
        }

        @Override
        public String section() {
            return "patterns";
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Object variable(String name) {
            return name.equals("factor") ? factor : PageModel.SHARED;
        }
    }

    /** A team's on-call handoff: {@code team} (the view has the handoff). */
    record OfTeam(String team) implements Page {

        @Override
        public String path() {
            return LearningViews.teamPath(team);
        }

        @Override
        public String template() {
            return "oncall-team.ftlh";
        }

        @Override
        public String section() {
            return "oncall";
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Object variable(String name) {
            return name.equals("team") ? team : PageModel.SHARED;
        }
    }

    /** A page of the whole site (home, the lists, the tracker, metrics, search): the shared variables only. */
    record SiteWide(Kind kind) implements Page {

        /** The site-wide pages, in the order a build lists them. */
        public enum Kind {
            HOME("index.html", "index.ftlh", "home"),
            POSTMORTEMS("postmortems/index.html", "postmortems.ftlh", "postmortems"),
            RUNBOOKS("runbooks/index.html", "runbooks.ftlh", "runbooks"),
            SERVICES("services/index.html", "services.ftlh", "services"),
            TAGS("tags/index.html", "tags.ftlh", "tags"),
            ACTION_ITEMS("action-items/index.html", "action-items.ftlh", "action-items"),
            METRICS("metrics/index.html", "metrics.ftlh", "metrics"),
            ALERTS("alerts/index.html", "alerts.ftlh", "alerts"),
            PATTERNS("patterns/index.html", "patterns.ftlh", "patterns"),
            FACTORS("factors/index.html", "factors.ftlh", "patterns"),
            ONCALL("oncall/index.html", "oncall.ftlh", "oncall"),
            SEARCH("search/index.html", "search.ftlh", "search");

            private final String path;
            private final String template;
            private final String section;

            Kind(String path, String template, String section) {
                this.path = path;
                this.template = template;
                this.section = section;
            }
        }

        @Override
        public String path() {
            return kind.path;
        }

        @Override
        public String template() {
            return kind.template;
        }

        @Override
        public String section() {
            return kind.section;
        }

        @Override
        public boolean listed() {
            return true;
        }

        @Override
        public Object variable(String name) {
            return PageModel.SHARED;
        }
    }

    /**
     * The page served for any missing path, at any depth: its links go from {@code base_url} when there is
     * one ({@code root}), and {@code rootUnknown} says when there is none.
     */
    record NotFound(SiteUrls urls) implements Page {

        @Override
        public String path() {
            return "404.html";
        }

        @Override
        public String template() {
            return "404.ftlh";
        }

        @Override
        public String section() {
            return "";
        }

        @Override
        public boolean listed() {
            return false;
        }

        @Override
        public Object variable(String name) {
            return switch (name) {
                case "root" -> urls.known() ? urls.base() : "";
                case "rootUnknown" -> !urls.known();
                default -> PageModel.SHARED;
            };
        }
    }

    /** The variables every page has, from the build; see {@link PageModel}. */
    record Shared(SiteConfig site, Formats fmt, SiteView view, SiteUrls urls) {
    }
}
