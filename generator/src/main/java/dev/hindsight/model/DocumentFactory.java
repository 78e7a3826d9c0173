package dev.hindsight.model;

import dev.hindsight.config.FieldMap;
import dev.hindsight.config.IdFrom;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.KindOptions;
import dev.hindsight.config.ServiceFrom;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.config.UnknownTypes;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a parsed source file into a typed document of its kind. */
public final class DocumentFactory {

    public static final String RULE_UNKNOWN_KIND = "unknown-kind";
    private static final java.util.regex.Pattern HTTP_URL = java.util.regex.Pattern.compile("(?i)https?://\\S+");

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
            if (k.isEmpty() && config.unknownTypes() == UnknownTypes.IGNORE) {
                return config.kindForPath(src.path());
            }
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
        MappedFields f = new MappedFields(r, kind.options().fields(), fm);
        String title = f.string("title");
        ParsedMarkdown shown = body;
        if (title == null) {
            Optional<Heading> h1 = body.headings().stream().filter(h -> h.level() == 1).findFirst();
            if (h1.isPresent()) {
                title = h1.get().text();
                shown = TitleHeading.withoutFirstH1(body);
            }
        }
        DocumentMeta meta = meta(src, kind, title, f, r);
        return switch (kind.base()) {
            case POSTMORTEM -> postmortem(kind, meta, shown, f, r, diagnostics);
            case RUNBOOK -> runbook(kind, meta, shown, f, r);
            case GENERIC -> new GenericDocument(meta, shown);
        };
    }

    private static DocumentMeta meta(SourceDocument src, KindConfig kind, String title, MappedFields f,
                                     FieldReader r) {
        String path = src.path();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String slug = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        String id = f.string("id");
        if (id == null) {
            id = kind.options().idFrom() == IdFrom.PATH
                    ? (path.endsWith(".md") ? path.substring(0, path.length() - 3) : path) : slug;
        }
        String status = f.string("status");
        String sourceUrl = f.string("source_url");
        if (sourceUrl != null && !HTTP_URL.matcher(sourceUrl).matches()) {
            r.error(f.present("source_url"), "`" + sourceUrl + "` is not an http(s) address; it is not linked");
            sourceUrl = null;
        }
        List<DocumentMeta.Fact> facts = new ArrayList<>();
        for (String key : kind.options().show()) {
            String value = String.join(", ", r.strings(FieldMap.pointerOf(key)));
            if (!value.isBlank()) {
                facts.add(new DocumentMeta.Fact(key, value));
            }
        }
        return new DocumentMeta(kind.name(), id, slug, path, DocumentMeta.urlFor(path),
                title == null ? slug : title, status == null ? kind.options().defaultStatus().yaml() : status,
                f.date("date"), f.strings("tags"), src, sourceUrl, facts);
    }

    private Postmortem postmortem(KindConfig kind, DocumentMeta meta, ParsedMarkdown body, MappedFields f,
                                  FieldReader r, Diagnostics diagnostics) {
        IncidentTimes times = new IncidentTimes(
                f.dateTime("started"),
                f.dateTime("detected"),
                f.dateTime("acknowledged"),
                f.dateTime("mitigated"),
                f.dateTime("resolved"));
        StructureExtractor.Extracted x = extractor.extract(kind, meta, body, times, diagnostics);
        String impactAt = f.present("impact");
        String impact;
        Postmortem.Impact figures = Postmortem.Impact.NONE;
        if (impactAt != null && meta.source().frontMatter().root().at(impactAt).isObject()) {
            impact = r.string(impactAt + "/summary");
            figures = new Postmortem.Impact(r.count(impactAt + "/customers"), r.count(impactAt + "/duration_minutes"));
        } else {
            impact = f.string("impact");
        }
        return new Postmortem(meta, body, f.string("severity"), f.strings("services"), f.strings("authors"),
                times, impact, r.strings("/runbooks"), x.timeline(), x.whys(), x.actionItems(),
                r.strings("/contributing_factors"), r.string("/trigger"), r.stringsOrKeyed("/alerts", "name"), figures, x.ideas());
    }

    private static Runbook runbook(KindConfig kind, DocumentMeta meta, ParsedMarkdown body, MappedFields f,
                                   FieldReader r) {
        KindOptions o = kind.options();
        String service = f.string("service");
        if (service == null && o.serviceFrom() == ServiceFrom.FOLDER) {
            String path = meta.sourcePath();
            int slash = path.lastIndexOf('/');
            String folder = slash < 0 ? "" : path.substring(0, slash);
            service = folder.isEmpty() ? null : folder.substring(folder.lastIndexOf('/') + 1);
        }
        List<String> alerts = switch (o.alertsFrom()) {
            case KindOptions.FRONT_MATTER -> f.strings("alerts");
            case KindOptions.FILENAME -> List.of(meta.slug());
            case KindOptions.H1 -> body.headings().stream().filter(h -> h.level() == 1).map(Heading::text)
                    .findFirst().or(() -> Optional.of(meta.title())).map(List::of).orElse(List.of());
            default -> r.strings(FieldMap.pointerOf(o.alertsFrom()));
        };
        List<Runbook.Dashboard> dashboards = r.objectPointers("/dashboards").stream()
                .map(p -> new Runbook.Dashboard(orEmpty(r.string(p + "/name")), orEmpty(r.string(p + "/url"))))
                .toList();
        List<Runbook.Escalation> escalation = r.objectPointers("/escalation").stream()
                .map(p -> new Runbook.Escalation(orEmpty(r.string(p + "/who")), orEmpty(r.string(p + "/contact")),
                        orEmpty(r.string(p + "/when"))))
                .toList();
        return new Runbook(meta, body, service, f.string("owner"), r.strings("/dependencies"),
                alerts, f.date("last_reviewed"), r.period("/review_every"), r.date("/last_tested"),
                dashboards, escalation);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
