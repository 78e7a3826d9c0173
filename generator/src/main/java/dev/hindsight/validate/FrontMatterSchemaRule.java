package dev.hindsight.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import dev.hindsight.config.KindConfig;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import dev.hindsight.source.FrontMatter;
import java.util.LinkedHashSet;
import java.util.Set;

/** Front matter against the kind's JSON Schema(s); each error at the offending key's position. */
final class FrontMatterSchemaRule extends DocumentRule<Document> {

    FrontMatterSchemaRule() {
        super(RuleInfo.FRONT_MATTER_SCHEMA, Document.class);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        FrontMatter fm = doc.meta().source().frontMatter();
        if (!fm.readable()) {
            return; // the YAML error is reported already; "missing key" errors would only bury it
        }
        Set<String> seen = new LinkedHashSet<>();
        KindConfig kind = context.kindOf(doc);
        if (RequiredFields.replacesSchema(kind)) {
            for (String field : RequiredFields.of(kind, context.config())) {
                boolean present = kind.options().fields().pointers(field).stream().anyMatch(p -> {
                    com.fasterxml.jackson.databind.JsonNode n = fm.root().at(p);
                    return !n.isMissingNode() && !n.isNull() && !(n.isTextual() && n.asText().isBlank());
                });
                if (!present && field.equals("title")) {
                    // A title taken from the first H1 is a title.
                    present = doc.body().headings().stream().anyMatch(h -> h.level() == 1);
                }
                if (!present) {
                    String key = RequiredFields.keyName(kind, field);
                    out.report(fm.positionOf(""), "missing required front-matter key `" + key + "`",
                            "add `" + key + ": …` to the front matter");
                }
            }
        }
        for (Schema schema : context.schemas().forKind(doc.meta().kind())) {
            for (Error e : schema.validate(fm.root())) {
                String pointer = pointer(e.getInstanceLocation());
                String message;
                String hint = "";
                if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
                    String key = (pointer.isEmpty() ? "" : dotted(pointer) + ".") + e.getProperty();
                    message = "missing required front-matter key `" + key + "`";
                    hint = "add `" + e.getProperty() + ": …` to the front matter";
                } else if (e.getProperty() != null && ("additionalProperties".equals(e.getKeyword())
                        || "unevaluatedProperties".equals(e.getKeyword()))) {
                    pointer = pointer + "/" + FrontMatter.escape(e.getProperty());
                    message = "front-matter key `" + dotted(pointer) + "` is not allowed by the schema";
                    hint = "remove it, or allow it in the kind's schema";
                } else {
                    String text = e.getMessage().replaceFirst("^\\S*: ", "");
                    message = "`" + (pointer.isEmpty() ? "front matter" : dotted(pointer)) + "`: " + text;
                    if ("enum".equals(e.getKeyword()) && e.getSchemaNode() != null && e.getSchemaNode().isArray()) {
                        hint = "allowed: " + String.join(", ", enumValues(e));
                    }
                }
                if (seen.add(pointer + "|" + message)) {
                    out.report(fm.positionOf(pointer), message, hint);
                }
            }
        }
    }

    private static java.util.List<String> enumValues(Error e) {
        java.util.List<String> values = new java.util.ArrayList<>();
        e.getSchemaNode().forEach(v -> values.add(v.asText()));
        return values;
    }

    static String pointer(NodePath path) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            p.append('/').append(el instanceof Integer ? el.toString() : FrontMatter.escape(String.valueOf(el)));
        }
        return p.toString();
    }

    static String dotted(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }
}
