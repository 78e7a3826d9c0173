package dev.hindsight.render;

import dev.hindsight.model.Runbook;
import java.util.List;

/**
 * An alert name and the runbook its stable page sends readers to: the first runbook (by source path)
 * that lists it. {@code others} are further runbooks listing the same alert (a validation warning).
 */
public record AlertView(String name, String segment, Runbook runbook, List<Runbook> others) {
    public AlertView {
        others = List.copyOf(others);
    }

    public String path() {
        return "alerts/" + segment + "/index.html";
    }
}
