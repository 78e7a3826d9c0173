package dev.hindsight.search;

import java.util.Arrays;

/**
 * Terms to dense ids, for one indexing task. Index building spends most of its time here, so the
 * common case, an ASCII word seen before, costs a hash over its characters, one probe of a table
 * that holds the hashes inline, and a comparison against a shared character pool: no string is made
 * and no pointer followed.
 */
final class TermDictionary {

    private static final int CACHE = 4096;
    /** Direct-mapped: (hash, id + 1, pool start, length) per entry. */
    private final int[] cache = new int[4 * CACHE];
    /** Open addressing, four ints a slot: (id + 1, hash, pool start, length); id + 1 = 0 marks a free slot. */
    private int[] table = new int[4 << 13];
    private char[] pool = new char[1 << 16];
    /** Where term i starts in the pool; term i ends where term i + 1 starts. */
    private int[] starts = new int[(1 << 12) + 1];
    private String[] terms = new String[1 << 12];
    private int size;

    int size() {
        return size;
    }

    String term(int id) {
        return terms[id];
    }

    /** The id of {@code text[start, end)} lower-cased; ASCII only. */
    int idOfAscii(String text, int start, int end, boolean upper) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + lower(text.charAt(k));
        }
        // Most words are a few hundred frequent ones: a small direct-mapped cache that stays in the
        // processor's cache answers them without touching the big table.
        int c = (h ^ (h >>> 13)) & (CACHE - 1);
        int[] cache = this.cache;
        if (cache[4 * c] == h && cache[4 * c + 1] != 0 && samePooled(cache[4 * c + 2], cache[4 * c + 3], text, start, end)) {
            return cache[4 * c + 1] - 1;
        }
        int id = lookupAscii(h, text, start, end, upper);
        cache[4 * c] = h;
        cache[4 * c + 1] = id + 1;
        cache[4 * c + 2] = starts[id];
        cache[4 * c + 3] = starts[id + 1] - starts[id];
        return id;
    }

    private int lookupAscii(int h, String text, int start, int end, boolean upper) {
        int[] t = table;
        int mask = (t.length >> 2) - 1;
        int i = slot(h, mask);
        for (int e; (e = t[4 * i]) != 0; i = (i + 1) & mask) {
            if (t[4 * i + 1] == h && samePooled(t[4 * i + 2], t[4 * i + 3], text, start, end)) {
                return e - 1;
            }
        }
        return add(i, h, Tokenizer.lowerAscii(text, start, end, upper));
    }

    int idOf(String term) {
        int h = term.hashCode();
        int mask = (table.length >> 2) - 1;
        int i = slot(h, mask);
        for (int e; (e = table[4 * i]) != 0; i = (i + 1) & mask) {
            if (table[4 * i + 1] == h && terms[e - 1].equals(term)) {
                return e - 1;
            }
        }
        return add(i, h, term);
    }

    private boolean samePooled(int from, int length, String text, int start, int end) {
        if (length != end - start) {
            return false;
        }
        char[] p = pool;
        for (int k = start; k < end; k++) {
            if (p[from++] != lower(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private int add(int slot, int h, String term) {
        if (size == terms.length) {
            terms = Arrays.copyOf(terms, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        int from = starts[size];
        if (from + term.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, from + term.length()));
        }
        term.getChars(0, term.length(), pool, from);
        int id = size++;
        terms[id] = term;
        starts[size] = from + term.length();
        table[4 * slot] = id + 1;
        table[4 * slot + 1] = h;
        table[4 * slot + 2] = from;
        table[4 * slot + 3] = term.length();
        if (size * 2 > table.length >> 2) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = (table.length >> 2) - 1;
        for (int j = 0; j < old.length; j += 4) {
            if (old[j] != 0) {
                int i = slot(old[j + 1], mask);
                while (table[4 * i] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, j, table, 4 * i, 4);
            }
        }
    }

    private static int slot(int h, int mask) {
        return ((h ^ (h >>> 16)) * 0x9E3779B9 >>> 7) & mask;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
