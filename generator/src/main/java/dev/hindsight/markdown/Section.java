package dev.hindsight.markdown;

import java.util.List;

/**
 * The blocks under one heading up to the next heading of any level. The blocks before the first
 * heading form a section whose heading is null. Sub-sections follow in {@link ParsedMarkdown#sections()}.
 */
public record Section(Heading heading, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }

    public int level() {
        return heading == null ? 0 : heading.level();
    }

    public String title() {
        return heading == null ? "" : heading.text();
    }
}
