package dev.hindsight.search;

import dev.hindsight.model.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The static search index of a site: a set of small {@code .js} files that {@code assets/search-index.js}
 * loads with {@code <script>} elements (which works from {@code file://} as well as over HTTP). Each
 * file calls {@code window.__hindsightSearch.shard(name, data)}; {@code name} is its path without
 * {@code .js}:
 *
 * <ul>
 *   <li>{@code meta} — document count, score scales, the first key of every postings shard
 *       (front-coded, {@link Codec#frontCoded}) and of every dictionary file. Its size grows with
 *       the number of shards only, not with the number of documents.</li>
 *   <li>{@code p/N} — postings shard N: {@code {"p": [...], "r": [...]}}. {@code p} is a flat array of term,
 *       encoded postings ({@link Codec}), term, … in term order: an array rather than an object, so that a
 *       term such as {@code __proto__} or {@code constructor} is just a string. The terms that start with a
 *       word being typed follow it, so its shard usually answers its completions too. {@code r} holds the rows
 *       ({@code [doc, id, title, url, date, snippet, kind, severity, services]}, a {@code d/} row without its
 *       section texts) of its terms' best documents ({@link InvertedIndex#TOP} each, in the client's order,
 *       the terms with most documents first, within {@link #ROWS_BUDGET}): a query's results then usually
 *       show with the shards its words need anyway, without a second round of requests for rows.</li>
 *   <li>{@code t/N} — dictionary file N: its terms (space-separated, sorted) and one weight character
 *       per term (document frequency on a log scale), for short prefixes and typo tolerance.</li>
 *   <li>{@code d/N} — documents {@code N·chunk} to {@code N·chunk + chunk − 1}: id, title, page path,
 *       date, snippet, kind, severity, services and the opening text of each of its sections
 *       ({@link SearchEntry#sectionTexts}, [[anchor, heading, text], …]), for the results actually shown: their
 *       snippets around the matched words and links to the matching section, loaded once the results are
 *       shown; and the row of a result no loaded shard carried.</li>
 *   <li>{@code facets} — the facet values of every document ({@link Facets}), for the results
 *       page's facet counts and filters.</li>
 * </ul>
 *
 * The output depends only on the documents: sorted, no clock, no hash order.
 */
public final class SearchIndex {

    public static final int FORMAT = 5;
    /**
     * A query loads one postings shard per word, so this is most of what a rare word costs; smaller
     * shards mean more keys in the metadata, which every query loads (about 6 KB at 10k documents).
     */
    static final int POSTINGS_BUDGET = 5_000;
    static final int DICTIONARY_BUDGET = 12_000;
    /**
     * The rows of its terms' best documents a postings shard carries, at most about this many bytes: a query's
     * results then show without waiting for a second round of requests, one row file per result (measured at 10k
     * documents: ten row files took longer than the postings shards before them).
     */
    static final int ROWS_BUDGET = 16_000;
    /**
     * Document rows, each with its section texts, are grouped into files of about this size: a page of results
     * loads one file per result it shows (rows are ordered by kind, service and severity, so results seldom
     * share one), after showing them from the rows its postings shards carry. A document's row with its section texts is
     * 0.5-2.7 KB: small documents share a file, large ones have one each.
     */
    static final int DOCS_BUDGET = 2_048;
    static final double DF_RATIO = 1.16;
    private static final List<String> SUBDIRECTORIES = List.of("p", "t", "d");

    static final Comparator<SearchEntry> ORDER = Comparator.comparing(SearchEntry::kind)
            .thenComparing(e -> e.services().isEmpty() ? "" : e.services().get(0))
            .thenComparing(SearchEntry::severity)
            .thenComparing(SearchEntry::sourcePath);

    private final List<SearchEntry> entries;
    private final InvertedIndex index;
    private final SortedMap<String, String> files;

    private SearchIndex(List<SearchEntry> entries, InvertedIndex index, SortedMap<String, String> files) {
        this.entries = entries;
        this.index = index;
        this.files = files;
    }

    /** The index of {@code documents} with the built-in {@link Synonyms}, linking to each page by its path as it is. */
    public static SearchIndex build(List<? extends Document> documents) {
        return build(documents, java.util.function.UnaryOperator.identity(), Synonyms.builtIn());
    }

    /** The index of {@code documents}, linking to each page by its path as it is (no encoding). */
    public static SearchIndex build(List<? extends Document> documents, Synonyms synonyms) {
        return build(documents, java.util.function.UnaryOperator.identity(), synonyms);
    }

    /** @param href a page path as the link to it, percent-encoded ({@code SiteUrls::path} in a build) */
    public static SearchIndex build(List<? extends Document> documents, java.util.function.UnaryOperator<String> href,
                                    Synonyms synonyms) {
        ArrayList<SearchEntry> entries = new ArrayList<>(documents.parallelStream()
                .map(d -> SearchEntry.of(d, href)).toList());
        return fromOwnedEntries(entries, synonyms);
    }

    /** The index of {@code entries}, a list nobody else holds, which this sorts in place. */
    static SearchIndex fromOwnedEntries(ArrayList<SearchEntry> entries, Synonyms synonyms) {
        SortedMap<String, String> files = new TreeMap<>();
        InvertedIndex index = make(entries, synonyms, false, (path, text) -> {
            synchronized (files) {
                files.put(path, text);
            }
        });
        return new SearchIndex(List.copyOf(entries), index, Collections.unmodifiableSortedMap(files));
    }

    /**
     * Writes the index of {@code entries} (a list nobody else holds, sorted here) into {@code dir} ({@code search/data/}
     * of the site) as {@link #writeTo(Path)} would write {@link #fromOwnedEntries}'s, each file as soon as it is made:
     * for a one-shot build, which keeps no index afterwards, so that the index files (63 MB at 10,000 documents) are
     * not all held at once while the pages render (issue 18: a small live set); what the index keeps of each
     * document goes as soon as the files no longer need it (see {@link #make}). Index files {@code dir} holds from
     * before and this index does not have are deleted. Returns the number of files.
     */
    static int writeOwnedEntries(ArrayList<SearchEntry> entries, Synonyms synonyms, Path dir) throws IOException {
        return writeOwnedEntries(entries, synonyms, dir, (file, bytes) -> false);
    }

    /** As above; a file that does not exist yet and that {@code present} puts in place itself is not written. */
    static int writeOwnedEntries(ArrayList<SearchEntry> entries, Synonyms synonyms, Path dir,
                                 java.util.function.BiPredicate<Path, byte[]> present) throws IOException {
        for (String sub : SUBDIRECTORIES) {
            Files.createDirectories(dir.resolve(sub));
        }
        java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            make(entries, synonyms, true, (path, text) -> {
                writeUnchecked(dir.resolve(path), text, present);
                written.add(path);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        deleteOthers(dir, written);
        return written.size();
    }

    /**
     * Makes the index files of {@code entries} (sorted here) and gives each to {@code sink} as soon as it is made,
     * from several threads at once; returns the inverted index. With {@code slim} (the index is written once and
     * not kept) what each file needs goes as soon as it is made: the entries' field texts once the terms are made,
     * the entries themselves (their section texts) once the rows are, each row once it is in its file.
     */
    private static InvertedIndex make(ArrayList<SearchEntry> entries, Synonyms synonyms, boolean slim,
                                      java.util.function.BiConsumer<String, String> sink) {
        entries.sort(ORDER);
        int count = entries.size();
        sink.accept("facets.js", Js.shard("facets", Facets.json(count, Facets.of(entries))));
        InvertedIndex index = InvertedIndex.build(entries, synonyms);
        if (slim) {
            entries.replaceAll(SearchEntry::withoutTexts);
        }
        List<InvertedIndex.Term> terms = index.terms();

        List<String> shortRows = entries.parallelStream().map(SearchIndex::rowJson).toList();
        List<Shards.Range> postings = Shards.postings(terms, POSTINGS_BUDGET);
        IntStream.range(0, postings.size()).parallel().forEach(i ->
                sink.accept("p/" + i + ".js", Js.shard("p/" + i, postingsJson(terms, postings.get(i), shortRows))));
        List<Shards.Range> dictionary = Shards.dictionary(terms, DICTIONARY_BUDGET);
        IntStream.range(0, dictionary.size()).parallel().forEach(i ->
                sink.accept("t/" + i + ".js", Js.shard("t/" + i, dictionaryJson(terms, dictionary.get(i)))));
        List<String> rows = new ArrayList<>(IntStream.range(0, entries.size()).parallel()
                .mapToObj(i -> docJson(entries.get(i), shortRows.get(i))).toList());
        if (slim) {
            entries.clear(); // their rows hold what the files still need
        }
        int chunk = docsPerChunk(rows);
        for (int from = 0, n = 0; from < rows.size(); from += chunk, n++) {
            StringBuilder b = new StringBuilder("[");
            List<String> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            b.append(String.join(",", part));
            if (slim) {
                Collections.fill(part, null); // in its file now
            }
            sink.accept("d/" + n + ".js", Js.shard("d/" + n, b.append(']')));
        }
        sink.accept("meta.js", Js.shard("meta", metaJson(count, chunk, postings, dictionary)));
        return index;
    }

    /** The index files by path relative to the index directory, in path order. */
    public SortedMap<String, String> files() {
        return files;
    }

    /**
     * Writes the files into {@code dir} ({@code search/data/} of the site), which may hold an earlier
     * index (the preview updates in place): unchanged files are left alone, changed ones replaced
     * atomically, and index files this index no longer has are deleted, so the directory ends up as
     * a fresh build would leave it.
     */
    public void writeTo(Path dir) throws IOException {
        writeTo(dir, null);
    }

    /**
     * As {@link #writeTo(Path)}, when {@code dir} holds exactly the files of {@code previous} (the index
     * this one replaces, or null when unknown): only the files that differ from it are written, and
     * nothing is read back from the disk.
     */
    public void writeTo(Path dir, SearchIndex previous) throws IOException {
        for (String sub : SUBDIRECTORIES) {
            Files.createDirectories(dir.resolve(sub));
        }
        try {
            files.entrySet().parallelStream()
                    .filter(e -> previous == null || !e.getValue().equals(previous.files.get(e.getKey())))
                    .forEach(e -> writeUnchecked(dir.resolve(e.getKey()), e.getValue()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (previous != null) {
            for (String gone : previous.files.keySet()) {
                if (!files.containsKey(gone)) {
                    Files.deleteIfExists(dir.resolve(gone));
                }
            }
            return;
        }
        deleteOthers(dir, files.keySet());
    }

    /** Deletes the index files in {@code dir} that are not among {@code kept} (paths relative to it). */
    private static void deleteOthers(Path dir, java.util.Set<String> kept) throws IOException {
        for (String sub : List.of("", "p", "t", "d")) {
            try (Stream<Path> list = Files.list(sub.isEmpty() ? dir : dir.resolve(sub))) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    String rel = sub.isEmpty() ? f.getFileName().toString() : sub + "/" + f.getFileName();
                    if (rel.endsWith(".js") && !kept.contains(rel)) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    /**
     * Writes {@code text} in UTF-8 to {@code file} unless it already holds it (a changed file is written beside and
     * moved over it, so a reader never sees half of one), for a stream: its failure as an {@link UncheckedIOException}.
     */
    private static void writeUnchecked(Path file, String text) {
        writeUnchecked(file, text, (f, bytes) -> false);
    }

    /** As above; when the file does not exist and {@code present} puts it in place itself, it is not written. */
    private static void writeUnchecked(Path file, String text, java.util.function.BiPredicate<Path, byte[]> present) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(file)) {
                if (!present.test(file, bytes)) {
                    Files.write(file, bytes);
                }
            } else if (Files.size(file) != bytes.length || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                Path tmp = file.resolveSibling("." + file.getFileName() + ".hindsight-tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int documentCount() {
        return entries.size();
    }

    public int termCount() {
        return index.terms().size();
    }

    /** Total size of the files in bytes (UTF-8). */
    public long totalBytes() {
        return files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    List<SearchEntry> entries() {
        return entries;
    }

    InvertedIndex index() {
        return index;
    }

    /**
     * A postings shard: {"p": [term, postings, …], "r": [[doc, row…], …]}, where r holds the rows ({@link #rowJson})
     * of its terms' best documents ({@link InvertedIndex.Term#top}), so that a query usually shows its results
     * with the files its words need anyway, and loads row files (d/) only for the section texts.
     */
    private static String postingsJson(List<InvertedIndex.Term> terms, Shards.Range r, List<String> rows) {
        StringBuilder b = new StringBuilder(POSTINGS_BUDGET + ROWS_BUDGET + 1024);
        b.append("{\"p\":[");
        for (int i = r.from(); i < r.to(); i++) {
            if (i > r.from()) {
                b.append(',');
            }
            Js.string(b, terms.get(i).term()).append(',');
            Js.string(b, terms.get(i).postings());
        }
        b.append("],\"r\":[");
        int[] docs = shownRows(terms, r, rows);
        for (int i = 0; i < docs.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('[').append(docs[i]).append(',').append(rows.get(docs[i])).append(']');
        }
        return b.append("]}").toString();
    }

    /**
     * The documents whose rows a shard carries, in id order: the best documents of its terms, the terms with
     * most documents first (a rare word's few results cost few row files), as long as all of a term's rows fit
     * in {@link #ROWS_BUDGET} with those already taken.
     */
    static int[] shownRows(List<InvertedIndex.Term> terms, Shards.Range r, List<String> rows) {
        Integer[] order = IntStream.range(r.from(), r.to()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -terms.get(i).df()).thenComparingInt(i -> i));
        java.util.BitSet taken = new java.util.BitSet();
        long bytes = 0;
        for (int i : order) {
            long more = 0;
            for (int doc : terms.get(i).top()) {
                if (!taken.get(doc)) {
                    more += Shards.utf8(rows.get(doc)) + 8;
                }
            }
            if (bytes + more > ROWS_BUDGET) {
                continue;
            }
            bytes += more;
            for (int doc : terms.get(i).top()) {
                taken.set(doc);
            }
        }
        return taken.stream().toArray();
    }

    private static String dictionaryJson(List<InvertedIndex.Term> terms, Shards.Range r) {
        StringBuilder words = new StringBuilder();
        StringBuilder weights = new StringBuilder();
        for (int i = r.from(); i < r.to(); i++) {
            if (i > r.from()) {
                words.append(' ');
            }
            words.append(terms.get(i).term());
            weights.append(Codec.digit(dfLevel(terms.get(i).df())));
        }
        StringBuilder b = new StringBuilder(words.length() + weights.length() + 16);
        b.append("{\"t\":");
        Js.string(b, words.toString()).append(",\"w\":");
        return Js.string(b, weights.toString()).append('}').toString();
    }

    static int dfLevel(int df) {
        return (int) Math.min(63, Math.round(Math.log(Math.max(1, df)) / Math.log(DF_RATIO)));
    }

    /** One document's section texts: [[anchor, heading, text], …]. */
    private static String sectionsJson(SearchEntry e) {
        StringBuilder b = new StringBuilder(64);
        b.append('[');
        for (SearchEntry.SectionText s : e.sections()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('[');
            Js.string(b, s.anchor()).append(',');
            Js.string(b, s.heading()).append(',');
            Js.string(b, s.text()).append(']');
        }
        return b.append(']').toString();
    }

    /** What a result shows without its section texts: id, title, url, date, snippet, kind, severity, services. */
    private static String rowJson(SearchEntry e) {
        StringBuilder b = new StringBuilder(64 + e.title().length() + e.snippet().length());
        for (String s : List.of(e.id(), e.title(), e.url(), e.date(), e.snippet(), e.kind(), e.severity())) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            Js.string(b, s);
        }
        b.append(',');
        strings(b, e.services());
        return b.toString();
    }

    private static String docJson(SearchEntry e, String row) {
        StringBuilder b = new StringBuilder(row.length() + 256);
        b.append('[').append(row);
        // Its section texts, for the snippet and the section a result links to: with the row, so that a result
        // costs one file, not a row file and a section file.
        b.append(',').append(sectionsJson(e));
        return b.append(']').toString();
    }

    static int docsPerChunk(List<String> rows) {
        if (rows.isEmpty()) {
            return 1;
        }
        long total = rows.stream().mapToLong(Shards::utf8).sum();
        long avg = Math.max(1, total / rows.size());
        return (int) Math.max(1, Math.min(64, DOCS_BUDGET / avg));
    }

    private static String metaJson(int count, int chunk, List<Shards.Range> postings, List<Shards.Range> dictionary) {
        StringBuilder b = new StringBuilder(4096);
        b.append("{\"format\":").append(FORMAT)
                .append(",\"count\":").append(count)
                .append(",\"chunk\":").append(chunk)
                .append(",\"termRatio\":").append(Codec.TERM_RATIO)
                .append(",\"termLevels\":").append(Codec.TERM_LEVELS)
                .append(",\"postingRatio\":").append(Codec.POSTING_RATIO)
                .append(",\"postingLevels\":").append(Codec.POSTING_LEVELS)
                .append(",\"postings\":");
        Js.string(b, Codec.frontCoded(postings.stream().map(Shards.Range::key).toList()));
        b.append(",\"terms\":");
        strings(b, dictionary.stream().map(Shards.Range::key).toList());
        return b.append('}').toString();
    }

    private static void strings(StringBuilder b, List<String> list) {
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Js.string(b, list.get(i));
        }
        b.append(']');
    }
}
