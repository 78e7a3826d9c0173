/**
 * The static search index, built at build time and read by {@code assets/search-*.js} in the browser.
 *
 * <p><b>Why our own.</b> No maintained library gives a sharded static index that also works from
 * {@code file://}: {@code fetch()} of a local file is refused there, while a {@code <script>} element
 * is not. So every index file is a script that hands its data to
 * {@code window.__hindsightSearch.shard(name, data)}, and works the same over HTTP.
 *
 * <p><b>What is computed here.</b> {@link dev.hindsight.search.Tokenizer} splits each field (title, id,
 * headings, labels = tags, services, alerts, owner, authors; body = impact, text and code blocks) into
 * terms, keeping identifiers whole as well as in parts ({@code INC-2024-031}, {@code HighErrorRate},
 * {@code OOMKilled}, {@code p99}). {@link dev.hindsight.search.InvertedIndex} scores every (term,
 * document) pair with BM25 per field, weighted title &gt; id &gt; headings &gt; labels &gt; body, and stores
 * the scores quantised on log scales ({@link dev.hindsight.search.Codec}): the client only adds them.
 *
 * <p><b>How it is cut</b> ({@link dev.hindsight.search.Shards}, {@link dev.hindsight.search.SearchIndex}):
 * postings shards of about 5 KB in term order, so that a word costs little more than its own
 * postings and the words that start with it (its completions) come with it; dictionary files of
 * about 12 KB holding the terms grouped by their first two letters (for typo tolerance and the
 * completions of a short prefix), each also carrying the rows (what a result shows) of its terms' ten
 * best documents, so that a query's results usually show without a second round of requests; one
 * document per file with what a result shows; a metadata file
 * with the shard keys only, which grows with the number of shards and not with the number of
 * documents; files of section texts (the opening of each section, at most about 2 KB a document),
 * which the results page loads for the results it shows, for snippets around the matched words and
 * links to the matching section; and a facet file (kind, service, severity of every document, which documents' id order
 * by kind, first service, severity and path makes small) that only the results page loads. A first
 * query on the results page at 10k documents fetches about 60–85 KB, the metadata and the facets
 * (about 8 and 44 KB) included, before section texts; the section texts of the ten results shown add
 * about 20 KB (measured at 1k documents: largest first query 47 KB before, 65 KB after); in the header's
 * dropdown, which loads no section texts, about 20–35 KB.
 *
 * <p><b>Limits.</b> Typos are corrected for words of five or more letters, one edit away, among the
 * terms that share the word's first two letters (they are in the same dictionary file; a two-letter
 * group too big for one file is split by the third letter, and then the third letter must be right
 * too). Scripts without spaces between words (Chinese, Japanese) are indexed by runs of letters, not
 * by words. Every build rewrites the whole index: document frequencies change every score.
 *
 * <p>Output is deterministic: sorted, no clock, no hash order. Strings in the files escape
 * {@code < > &} and U+2028/U+2029.
 */
package dev.hindsight.search;
