package dev.hindsight.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Markdown body after one parse: the rendered HTML, the headings and sections with their lines,
 * the links, and the plain text (for search and summaries). The AST itself is not kept.
 *
 * <p>{@code slot} is null but for the body of a streaming build ({@link #streamed()}), whose HTML is held in
 * the slot until the pages that show it are written ({@link #releaseHtml()}).
 */
public record ParsedMarkdown(String html, List<Heading> headings, List<Section> sections, List<Link> links,
                             String plainText, HtmlSlot slot) {

    public ParsedMarkdown {
        headings = List.copyOf(headings);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
    }

    public ParsedMarkdown(String html, List<Heading> headings, List<Section> sections, List<Link> links,
                          String plainText) {
        this(html, headings, sections, links, plainText, null);
    }

    /**
     * The rendered body. For a streamed body whose HTML was released, an {@link IllegalStateException}: a page
     * written after the pages that show the body would otherwise show nothing where it stood.
     */
    @Override
    public String html() {
        return slot == null ? html : slot.get();
    }

    /**
     * The HTML of a streamed body ({@link #streamed()}): held until {@link #release} and then gone, so that a
     * build's live set shrinks as its pages are written. Equal only to itself.
     */
    public static final class HtmlSlot {
        private volatile Supplier<String> html;

        HtmlSlot(Supplier<String> html) {
            this.html = html;
        }

        String get() {
            Supplier<String> h = html;
            if (h == null) {
                throw new IllegalStateException("the body HTML was released after its pages were written");
            }
            return h.get();
        }

        void release() {
            html = null;
        }

        @Override
        public String toString() {
            return html == null ? "HtmlSlot[released]" : "HtmlSlot[held]";
        }
    }

    /**
     * {@link #forPages()} with the HTML held in a slot that {@link #releaseHtml()} empties: for a one-shot
     * build with the built-in templates, which knows which pages read each body.
     */
    public ParsedMarkdown streamed() {
        ParsedMarkdown pages = forPages();
        return slot != null ? pages : new ParsedMarkdown("", pages.headings, pages.sections, pages.links,
                pages.plainText, new HtmlSlot(held(html())));
    }

    /**
     * This body with {@code sections} instead of its own and without its plain text, the HTML held in a slot as by
     * {@link #streamed()}, by {@code hold}: given the HTML, it keeps it (in a file, say) and returns what gives it
     * back, as often as asked until the slot is released. What a one-shot build keeps of a body as it reads it (its
     * checks read the sections given).
     */
    public ParsedMarkdown streamedWith(List<Section> sections, Function<String, Supplier<String>> hold) {
        return new ParsedMarkdown("", headings, sections, links, "",
                slot != null ? slot : new HtmlSlot(hold.apply(html())));
    }

    /** {@code html} held in memory, as a {@code hold} of {@link #streamedWith} that keeps nothing elsewhere. */
    public static Supplier<String> held(String html) {
        return () -> html;
    }

    /** Lets the HTML of a streamed body go; nothing for any other body. */
    public void releaseHtml() {
        if (slot != null) {
            slot.release();
        }
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
        return new ParsedMarkdown(html, headings, headed, links, "", slot);
    }

    public boolean hasAnchor(String anchor) {
        return headings.stream().anyMatch(h -> h.anchor().equals(anchor));
    }
}
