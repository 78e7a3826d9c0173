package dev.hindsight.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the sorted terms are cut into files. Both kinds of file hold a contiguous range of terms and
 * are found by binary search over the list of their first keys, which the metadata file carries.
 *
 * <ul>
 *   <li><b>Postings shards</b> are filled in term order up to a byte budget. Their key is the
 *       shortest prefix of the first term that sorts after the previous shard's last term. A term
 *       whose postings alone exceed the budget gets a shard of its own.</li>
 *   <li><b>Dictionary files</b> list the terms only (for prefix completion and typo tolerance), grouped
 *       by their first two characters: small groups are merged with their neighbours, a group over
 *       the budget is split by its third character (and further, recursively). Their key is the
 *       prefix of the group they start with, so all terms with a given two-letter prefix are in one
 *       file unless that prefix alone is over the budget.</li>
 * </ul>
 */
final class Shards {

    /** A file: its key (the lowest term it may hold) and the terms in it, as indexes into the term list. */
    record Range(String key, int from, int to) {
    }

    private Shards() {
    }

    static List<Range> postings(List<InvertedIndex.Term> terms, int budget) {
        List<Range> out = new ArrayList<>();
        int from = 0;
        long size = 0;
        for (int i = 0; i < terms.size(); i++) {
            long entry = postingsEntryBytes(terms.get(i));
            if (i > from && size + entry > budget) {
                out.add(new Range(out.isEmpty() ? "" : separator(terms.get(from - 1).term(), terms.get(from).term()),
                        from, i));
                from = i;
                size = 0;
            }
            size += entry;
        }
        if (from < terms.size() || out.isEmpty()) {
            out.add(new Range(out.isEmpty() ? "" : separator(terms.get(from - 1).term(), terms.get(from).term()),
                    from, terms.size()));
        }
        return out;
    }

    /** {@code "term","postings",} */
    static long postingsEntryBytes(InvertedIndex.Term t) {
        return utf8(t.term()) + t.postings().length() + 6;
    }

    /** The shortest prefix of {@code next} that sorts after {@code previous}. */
    static String separator(String previous, String next) {
        for (int len = 1; len <= next.length(); len++) {
            String p = next.substring(0, len);
            if (p.compareTo(previous) > 0) {
                return p;
            }
        }
        return next;
    }

    static List<Range> dictionary(List<InvertedIndex.Term> terms, int budget) {
        List<Range> groups = new ArrayList<>();
        group(terms, 0, terms.size(), 2, budget, groups);
        List<Range> out = new ArrayList<>();
        Range open = null;
        long size = 0;
        for (Range g : groups) {
            long bytes = dictionaryBytes(terms, g.from(), g.to());
            if (open != null && size + bytes > budget) {
                out.add(open);
                open = null;
            }
            if (open == null) {
                open = new Range(out.isEmpty() ? "" : g.key(), g.from(), g.to());
                size = bytes;
            } else {
                open = new Range(open.key(), open.from(), g.to());
                size += bytes;
            }
        }
        if (open != null) {
            out.add(open);
        }
        if (out.isEmpty()) {
            out.add(new Range("", 0, 0));
        }
        return out;
    }

    /** Splits [from, to) into runs that share their first {@code depth} characters, deeper when too big. */
    private static void group(List<InvertedIndex.Term> terms, int from, int to, int depth, int budget, List<Range> out) {
        int i = from;
        while (i < to) {
            String key = prefix(terms.get(i).term(), depth);
            int j = i + 1;
            while (j < to && prefix(terms.get(j).term(), depth).equals(key)) {
                j++;
            }
            boolean splittable = j - i > 1 && terms.get(i).term().length() > depth - 1
                    && longestAt(terms, i, j) > depth;
            if (dictionaryBytes(terms, i, j) > budget && splittable) {
                group(terms, i, j, depth + 1, budget, out);
            } else {
                out.add(new Range(key, i, j));
            }
            i = j;
        }
    }

    private static int longestAt(List<InvertedIndex.Term> terms, int from, int to) {
        int max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, terms.get(i).term().length());
        }
        return max;
    }

    static String prefix(String term, int depth) {
        return term.length() <= depth ? term : term.substring(0, depth);
    }

    /** A term, a space and its weight character. */
    static long dictionaryBytes(List<InvertedIndex.Term> terms, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += utf8(terms.get(i).term()) + 2;
        }
        return n;
    }

    static long utf8(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }
}
