package dev.hindsight.render;

import java.util.List;

/** Action items of one owner team; {@code team} is "" for items nobody owns. */
public record TeamGroup(String team, List<ActionRow> rows) {
    public TeamGroup {
        rows = List.copyOf(rows);
    }
}
