package dev.hindsight.search;

import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the index keeps of one document: the text of each {@link Field}, the facet values and what a
 * result shows (title, id, date, a short snippet, and the link {@code url} to the page, from the site root).
 *
 * @param services the service facet: a postmortem's services, a runbook's own service
 * @param texts    the text of each field, by {@link Field#ordinal()}, in pieces (a field's text is
 *                 not glued into one string: the pieces are tokenized one after the other)
 */
record SearchEntry(String id, String title, String url, String kind, List<String> services, String severity,
                   String date, String snippet, String sourcePath, List<List<String>> texts,
                   List<SectionText> sections) {

    static final int SNIPPET_LENGTH = 160;
    /**
     * How much of each section's text the index keeps for snippets around the matched words: a
     * section's opening, where a runbook's step or a postmortem's finding is usually stated.
     */
    static final int SECTION_CHARS = 480;
    /** At most this much section text per document, so a long document costs the index little more than a short one. */
    static final int DOCUMENT_SECTION_CHARS = 1_920;
    /** Less room than this left for a section is not worth a snippet. */
    static final int MIN_SECTION_CHARS = 80;

    /**
     * The start of one section's text, for the snippet of a result whose words are there, and the
     * anchor a result links to ({@code ""} for the text before the first heading).
     */
    record SectionText(String anchor, String heading, String text) {
    }
    /** The front-matter key whose words are indexed with the labels (Hugo and icco/postmortems use it). */
    static final String KEYWORDS = "keywords";

    SearchEntry {
        Objects.requireNonNull(id, "id");
        services = List.copyOf(services);
        texts = texts.stream().map(List::copyOf).toList();
        sections = List.copyOf(sections);
        if (texts.size() != Field.values().length) {
            throw new IllegalArgumentException("one text per field");
        }
    }

    List<String> texts(Field f) {
        return texts.get(f.ordinal());
    }

    /**
     * This entry without the text of its fields, which only the inverted index reads: what the rows and files
     * of a one-shot build's index are made of once its terms are (issue 18: a small live set).
     */
    SearchEntry withoutTexts() {
        return new SearchEntry(id, title, url, kind, services, severity, date, snippet, sourcePath, NO_TEXTS,
                sections);
    }

    private static final List<List<String>> NO_TEXTS =
            java.util.Collections.nCopies(Field.values().length, List.of());

    static SearchEntry of(Document doc) {
        return of(doc, UnaryOperator.identity());
    }

    /**
     * The entry of {@code doc}; its field texts are as the document has them (the index adds the synonyms of the
     * phrases they hold as it tokenizes them, see {@link InvertedIndex#build}).
     *
     * @param href a page path ({@code runbooks/a b/index.html}) as the link to it, percent-encoded
     *             ({@code SiteUrls.path} in a build)
     */
    static SearchEntry of(Document doc, UnaryOperator<String> href) {
        var meta = doc.meta();
        List<String> labels = new ArrayList<>(meta.tags());
        labels.addAll(meta.frontMatterWords(KEYWORDS));
        List<String> services = List.of();
        String severity = "";
        String snippet = "";
        List<String> body = new ArrayList<>();
        if (doc instanceof Postmortem pm) {
            services = pm.services();
            severity = pm.severity();
            labels.addAll(pm.services());
            labels.addAll(pm.authors());
            labels.addAll(pm.runbooks());
            snippet = pm.impact();
            body.add(pm.impact());
        } else if (doc instanceof Runbook rb) {
            services = rb.service().isEmpty() ? List.of() : List.of(rb.service());
            labels.add(rb.service());
            labels.addAll(rb.dependencies());
            labels.addAll(rb.alerts());
            labels.add(rb.owner());
        } else if (doc instanceof GenericDocument) {
            // No structure beyond the common metadata.
        }
        body.add(doc.body().plainText());
        addCode(doc.body(), body);
        labels.addAll(onCallLabels(doc, severity));
        if (snippet.isBlank()) {
            snippet = firstParagraph(doc.body());
        }
        List<List<String>> texts = new ArrayList<>(List.of(List.of(), List.of(), List.of(), List.of(), List.of()));
        texts.set(Field.TITLE.ordinal(), List.of(meta.title()));
        texts.set(Field.ID.ordinal(), List.of(meta.id()));
        texts.set(Field.HEADINGS.ordinal(), doc.body().headings().stream().map(Heading::text).toList());
        texts.set(Field.LABELS.ordinal(), labels);
        texts.set(Field.BODY.ordinal(), body);
        return new SearchEntry(meta.id(), meta.title(), href.apply(meta.url()), meta.kind(), services, severity,
                meta.date() == null ? "" : meta.date().toString(), shorten(snippet, SNIPPET_LENGTH),
                meta.sourcePath(), texts, sectionTexts(doc.body()));
    }

    /**
     * The opening {@link #SECTION_CHARS} of each section's text (paragraphs, list items, table cells;
     * not code), {@link #DOCUMENT_SECTION_CHARS} in all, in document order; sections without text are left out.
     */
    static List<SectionText> sectionTexts(ParsedMarkdown body) {
        List<SectionText> out = new ArrayList<>();
        int left = DOCUMENT_SECTION_CHARS;
        for (Section s : body.sections()) {
            if (left < MIN_SECTION_CHARS) {
                break;
            }
            StringBuilder text = new StringBuilder();
            for (Block b : s.blocks()) {
                if (text.length() > SECTION_CHARS) {
                    break;
                }
                if (b instanceof Block.Paragraph p) {
                    text.append(p.text()).append(' ');
                } else if (b instanceof Block.ListBlock l) {
                    l.items().forEach(i -> text.append(i.text()).append(' '));
                } else if (b instanceof Block.Table t) {
                    t.header().forEach(c -> text.append(c.text()).append(' '));
                    t.rows().forEach(r -> r.cells().forEach(c -> text.append(c.text()).append(' ')));
                }
                // Code is left out: commands are searchable (the body field) and marked on the page, but
                // they would fill a section's few hundred characters before the prose that explains them.
            }
            String shortened = shorten(text.toString(), Math.min(SECTION_CHARS, left));
            if (shortened.isEmpty()) {
                continue;
            }
            left -= shortened.length();
            out.add(new SectionText(s.heading() == null ? "" : s.heading().anchor(), s.title(), shortened));
        }
        return out;
    }

    private static final java.util.regex.Pattern SEVERITY = java.util.regex.Pattern.compile(
            "\\b(sev|p)-(\\d)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * What an on-call engineer searches for besides the words: a postmortem's severity, a runbook's
     * escalation (who, contact such as {@code pagerduty:platform-primary}, when). A severity is also
     * indexed without its hyphen ({@code SEV-1} as {@code SEV1}), as people type it both ways; the
     * tokenizer keeps {@code sev-1} whole, so the squashed form is added here, not there.
     */
    static List<String> onCallLabels(Document doc, String severity) {
        List<String> out = new ArrayList<>();
        if (!severity.isBlank()) {
            out.add(severity);
        }
        if (doc instanceof Runbook rb) {
            for (Runbook.Escalation e : rb.escalation()) {
                out.add(e.who());
                out.add(e.contact());
                out.add(e.when());
            }
        }
        List<String> squashed = new ArrayList<>();
        for (String text : out) {
            var m = SEVERITY.matcher(text);
            while (m.find()) {
                squashed.add(m.group(1) + m.group(2));
            }
        }
        out.addAll(squashed);
        return out;
    }

    /** Commands in code blocks are what an on-call engineer half remembers ("kubectl rollout undo"). */
    private static void addCode(ParsedMarkdown body, List<String> out) {
        for (Section s : body.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Code code) {
                    out.add(code.code());
                }
            }
        }
    }

    private static String firstParagraph(ParsedMarkdown body) {
        for (Section s : body.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p && !p.text().isBlank()) {
                    return p.text();
                }
            }
        }
        return body.plainText();
    }

    /** Whitespace collapsed, cut at a word boundary with an ellipsis when longer than {@code max}. */
    static String shorten(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && b.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        if (b.length() <= max) {
            return b.toString();
        }
        int cut = b.lastIndexOf(" ", max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(b.charAt(cut - 1))) {
            cut--;
        }
        return b.substring(0, cut).stripTrailing() + "…";
    }
}
