package dev.hindsight.render;

import dev.hindsight.model.Runbook;

/** A runbook named by a postmortem's {@code runbooks:}; {@code runbook} is null when no runbook has that id. */
public record RunbookRef(String id, Runbook runbook) {
}
