package dev.hindsight.model;

import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import java.util.List;
import java.util.Optional;

/** Turns a parsed source file into a typed document of its kind. */
public final class DocumentFactory {

    public static final String RULE_UNKNOWN_KIND = "unknown-kind";

    private final SiteConfig config;
    private final StructureExtractor extractor;

    public DocumentFactory(SiteConfig config) {
        this.config = config;
        this.extractor = new StructureExtractor();
    }

    /** The kind of a source file: its {@code type:}, else its folder. Empty when it has neither. */
    public Optional<KindConfig> kindOf(SourceDocument src, Diagnostics diagnostics) {
        FrontMatter fm = src.frontMatter();
        if (fm.has("type")) {
            String type = fm.get("type").asText().strip();
            Optional<KindConfig> k = config.kind(type);
            if (k.isEmpty()) {
                diagnostics.error(RULE_UNKNOWN_KIND, fm.valuePositionOf("/type"),
                        "unknown document type `" + type + "`",
                        "known types: " + String.join(", ", config.kinds().stream().map(KindConfig::name).toList()));
            }
            return k;
        }
        return config.kindForPath(src.path());
    }

    public Document create(SourceDocument src, KindConfig kind, ParsedMarkdown body, Diagnostics diagnostics) {
        FrontMatter fm = src.frontMatter();
        FieldReader r = new FieldReader(fm, diagnostics);
        DocumentMeta meta = meta(src, kind, body, r);
        return switch (kind.base()) {
            case KindConfig.POSTMORTEM -> postmortem(kind, meta, body, r, diagnostics);
            case KindConfig.RUNBOOK -> runbook(meta, body, r);
            default -> new GenericDocument(meta, body);
        };
    }

    private static DocumentMeta meta(SourceDocument src, KindConfig kind, ParsedMarkdown body, FieldReader r) {
        String path = src.path();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String slug = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        String id = r.string("/id");
        String title = r.string("/title");
        if (title == null) {
            title = body.headings().stream().filter(h -> h.level() == 1).map(Heading::text).findFirst().orElse(slug);
        }
        String status = r.string("/status");
        return new DocumentMeta(kind.name(), id == null ? slug : id, slug, path, DocumentMeta.urlFor(path), title,
                status == null ? DocumentMeta.PUBLISHED : status, r.date("/date"), r.strings("/tags"), src);
    }

    private Postmortem postmortem(KindConfig kind, DocumentMeta meta, ParsedMarkdown body, FieldReader r,
                                  Diagnostics diagnostics) {
        IncidentTimes times = new IncidentTimes(
                r.dateTime("/incident/started"),
                r.dateTime("/incident/detected"),
                r.dateTime("/incident/acknowledged"),
                r.dateTime("/incident/mitigated"),
                r.dateTime("/incident/resolved"));
        StructureExtractor.Extracted x = extractor.extract(kind, meta, body, times, diagnostics);
        return new Postmortem(meta, body, r.string("/severity"), r.strings("/services"), r.strings("/authors"),
                times, r.string("/impact"), r.strings("/runbooks"), x.timeline(), x.whys(), x.actionItems());
    }

    private static Runbook runbook(DocumentMeta meta, ParsedMarkdown body, FieldReader r) {
        List<Runbook.Dashboard> dashboards = r.objectPointers("/dashboards").stream()
                .map(p -> new Runbook.Dashboard(orEmpty(r.string(p + "/name")), orEmpty(r.string(p + "/url"))))
                .toList();
        List<Runbook.Escalation> escalation = r.objectPointers("/escalation").stream()
                .map(p -> new Runbook.Escalation(orEmpty(r.string(p + "/who")), orEmpty(r.string(p + "/contact")),
                        orEmpty(r.string(p + "/when"))))
                .toList();
        return new Runbook(meta, body, r.string("/service"), r.string("/owner"), r.strings("/dependencies"),
                r.strings("/alerts"), r.date("/last_reviewed"), r.period("/review_every"), r.date("/last_tested"),
                dashboards, escalation);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
