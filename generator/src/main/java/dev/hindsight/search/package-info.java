/**
 * The static search index, built at build time and read by {@code assets/search.js} in the browser.
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
 * postings shards of about 16 KB in term order; dictionary files of about 12 KB holding the terms
 * grouped by their first two letters (for completion of the word being typed and for typo
 * tolerance); document chunks of about 2 KB with what a result shows; and one metadata file with the
 * shard keys and the facets (kind, service, severity), which documents' id order (by kind, first
 * service, severity, path) makes small. A first query at 10k documents fetches roughly 60–120 KB.
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
