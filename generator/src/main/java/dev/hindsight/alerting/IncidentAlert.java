package dev.hindsight.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.model.Postmortem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alert a postmortem names under {@code alerts:}, with the postmortem's verdict on it. Both front-matter shapes
 * are read: {@code alerts: [HighErrorRate]} (unrated) and
 * {@code alerts: [{name: HighErrorRate, verdict: false-positive, note: "…"}]}, mixed freely.
 */
public record IncidentAlert(Postmortem postmortem, String alert, AlertVerdict verdict, String note) {

    public IncidentAlert {
        Objects.requireNonNull(postmortem, "postmortem");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(verdict, "verdict");
        note = Objects.requireNonNullElse(note, "");
    }

    /** The alerts {@code p} names, in order, each once (a later entry for the same alert is ignored). */
    public static List<IncidentAlert> of(Postmortem p) {
        JsonNode node = p.meta().source().frontMatter().get("alerts");
        List<IncidentAlert> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isValueNode()) {
                for (String name : item.asText().split(",")) {
                    add(out, p, name.strip(), AlertVerdict.UNRATED, "");
                }
            } else if (item.isObject() && item.path("name").isValueNode()) {
                AlertVerdict v = AlertVerdict.parse(item.path("verdict").asText("")).orElse(AlertVerdict.UNRATED);
                add(out, p, item.path("name").asText().strip(), v, item.path("note").asText(""));
            }
        }
        return out;
    }

    private static void add(List<IncidentAlert> out, Postmortem p, String name, AlertVerdict v, String note) {
        if (!name.isEmpty() && out.stream().noneMatch(a -> a.alert().equals(name))) {
            out.add(new IncidentAlert(p, name, v, note));
        }
    }
}
