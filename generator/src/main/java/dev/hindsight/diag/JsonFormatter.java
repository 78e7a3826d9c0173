package dev.hindsight.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import java.util.List;

/**
 * Diagnostics as one JSON document for scripts and CI:
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "summary": {"errors": 1, "warnings": 0, "infos": 0},
 *   "diagnostics": [
 *     {"file": "postmortems/x.md", "line": 12, "column": 3, "severity": "error",
 *      "rule": "timeline-order", "message": "...", "hint": "..."}
 *   ]
 * }
 * }</pre>
 *
 * Keys always come in this order; {@code hint} is left out when empty. Diagnostics are written in
 * the order given, like {@link TextFormatter}; pass {@link Diagnostics#sorted()} for stable output.
 * Bump {@link #VERSION} on any change a consumer could notice other than a new key.
 */
public final class JsonFormatter {

    /** The format version written as {@code "version"}. */
    public static final int VERSION = 1;

    public String format(List<Diagnostic> diagnostics) {
        ObjectNode root = JsonText.object();
        root.put("version", VERSION);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", count(diagnostics, Severity.ERROR));
        summary.put("warnings", count(diagnostics, Severity.WARNING));
        summary.put("infos", count(diagnostics, Severity.INFO));
        ArrayNode items = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode item = items.addObject();
            item.put("file", d.position().file());
            item.put("line", d.position().displayLine());
            item.put("column", d.position().displayColumn());
            item.put("severity", d.severity().label());
            item.put("rule", d.ruleId());
            item.put("message", d.message());
            if (d.hasHint()) {
                item.put("hint", d.hint());
            }
        }
        return JsonText.write(root);
    }

    private static int count(List<Diagnostic> diagnostics, Severity severity) {
        return (int) diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
