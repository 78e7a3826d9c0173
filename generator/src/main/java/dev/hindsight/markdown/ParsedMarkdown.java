package dev.hindsight.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown body after one parse: the rendered HTML, the headings and sections with their lines,
 * the links, and the plain text (for search and summaries). The AST itself is not kept.
 */
public record ParsedMarkdown(String html, List<Heading> headings, List<Section> sections, List<Link> links,
                             String plainText) {

    public ParsedMarkdown {
        headings = List.copyOf(headings);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
    }

    /**
     * The section at {@code index} and every deeper section that follows it, in order: the whole
     * content "under" that heading.
     */
    public List<Section> subtree(int index) {
        Section top = sections.get(index);
        List<Section> out = new ArrayList<>();
        out.add(top);
        for (int i = index + 1; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (top.heading() != null && s.level() <= top.level()) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** All blocks under {@code index}, sub-sections included, in document order. */
    public List<Block> blocksUnder(int index) {
        List<Block> out = new ArrayList<>();
        for (Section s : subtree(index)) {
            out.addAll(s.blocks());
        }
        return out;
    }

    /**
     * The same body without what only the checks and the search index read: the blocks of each section (the
     * sections and their headings stay) and the plain text. For a build whose checks are done and whose search
     * entries are made, which keeps the body until its pages are written: the built-in templates read the
     * HTML, the headings and the links.
     */
    public ParsedMarkdown forPages() {
        List<Section> headed = new ArrayList<>(sections.size());
        for (Section s : sections) {
            headed.add(s.blocks().isEmpty() ? s : new Section(s.heading(), List.of()));
        }
        return new ParsedMarkdown(html, headings, headed, links, "");
    }

    public boolean hasAnchor(String anchor) {
        return headings.stream().anyMatch(h -> h.anchor().equals(anchor));
    }
}
