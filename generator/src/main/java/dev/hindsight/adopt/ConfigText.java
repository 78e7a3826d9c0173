package dev.hindsight.adopt;

import java.util.List;
import java.util.Map;

/** A {@link Plan} written as a commented {@code hindsight.yml}. Deterministic: the same plan, the same bytes. */
final class ConfigText {

    private ConfigText() {
    }

    static String render(Plan plan, String title) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `hindsight adopt`: what it found in this collection, as Hindsight settings.\n");
        y.append("# Edit freely; run `hindsight check` to see what is left. Every key is in the README.\n");
        y.append("title: ").append(q(title)).append('\n');
        if (plan.ignoreUnknownTypes()) {
            y.append("# Some pages use `type:` for their own purpose (Hugo page types): the folder decides the kind.\n");
            y.append("unknown_types: ignore\n");
        }
        y.append("# Only these files are read; the rest of the repository is not a document.\n");
        y.append("include:\n");
        for (Plan.KindPlan k : plan.kinds()) {
            k.folders().forEach(f -> y.append("  - ").append(q(f + "/**/*.md")).append('\n'));
        }
        if (!plan.exclude().isEmpty()) {
            y.append("# Section index pages introduce a folder; they are not postmortems or runbooks.\n");
            y.append("exclude:\n");
            plan.exclude().forEach(e -> y.append("  - ").append(q(e)).append('\n'));
        }
        y.append("kinds:\n");
        for (Plan.KindPlan k : plan.kinds()) {
            y.append("  ").append(k.base()).append(":   # ").append(k.documents()).append(" files\n");
            y.append("    folders: ").append(list(k.folders())).append('\n');
            y.append("    # The headings most of them already share: the collection's own template.\n");
            y.append("    required_sections: ").append(list(k.sections())).append('\n');
            y.append("    # Fields most of them give (through the mapping below).\n");
            y.append("    required_fields: ").append(list(k.requiredFields())).append('\n');
            if (!k.fields().isEmpty()) {
                y.append("    # Hindsight's fields ← the keys this collection uses for them.\n");
                y.append("    fields:\n");
                for (Map.Entry<String, List<String>> e : k.fields().entrySet()) {
                    y.append("      ").append(e.getKey()).append(": ")
                            .append(e.getValue().size() == 1 ? q(e.getValue().get(0)) : list(e.getValue())).append('\n');
                }
            }
            if (!k.show().isEmpty()) {
                y.append("    show: ").append(list(k.show())).append("   # shown on each page as they are\n");
            }
            if (k.alertsFrom() != null) {
                y.append("    alerts_from: ").append(k.alertsFrom()).append("   # each file is named after its alert\n");
            }
            if (k.serviceFrom() != null) {
                y.append("    service_from: ").append(k.serviceFrom()).append("   # the folder a runbook is in\n");
            }
            if (k.idFrom() != null) {
                y.append("    id: ").append(k.idFrom()).append("   # file names repeat across folders\n");
            }
        }
        if (!plan.rulesOff().isEmpty()) {
            y.append("rules:\n");
            plan.rulesOff().forEach((rule, why) -> y.append("  ").append(rule).append(": off   # ").append(why)
                    .append('\n'));
        }
        return y.toString();
    }

    static String list(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(q(values.get(i)));
        }
        return b.append(']').toString();
    }

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
