package dev.hindsight.validate;

import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;
import java.util.List;

/** Service ids used in front matter are in {@code services.yml}, when the site has one. */
final class UnknownServiceRule extends DocumentRule<Document> {

    UnknownServiceRule() {
        super(RuleInfo.UNKNOWN_SERVICE, Document.class);
    }

    @Override
    boolean applies(Context context) {
        // No catalog, or one that could not be read (reported once, on services.yml): nothing to check against.
        return context.services().present() && context.services().readable();
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        ServiceCatalog catalog = context.services();
        FrontMatter fm = doc.meta().source().frontMatter();
        if (doc instanceof Postmortem pm) {
            checkList(catalog, doc, "/services", pm.services(), out);
        } else if (doc instanceof Runbook rb) {
            if (!rb.service().isEmpty() && !catalog.contains(rb.service())) {
                out.report(fm.valuePositionOf("/service"), "unknown service `" + rb.service() + "`",
                        hint(catalog));
            }
            checkList(catalog, doc, "/dependencies", rb.dependencies(), out);
        }
    }

    private static void checkList(ServiceCatalog catalog, Document doc, String pointer, List<String> ids,
                                  Reporter out) {
        for (int i = 0; i < ids.size(); i++) {
            if (!catalog.contains(ids.get(i))) {
                out.report(listItem(doc, pointer, i), "unknown service `" + ids.get(i) + "`", hint(catalog));
            }
        }
    }

    private static String hint(ServiceCatalog catalog) {
        return "add it to services.yml, or use one of: " + String.join(", ",
                catalog.services().stream().map(s -> s.id()).toList());
    }
}
