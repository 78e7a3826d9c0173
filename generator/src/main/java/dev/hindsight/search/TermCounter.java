package dev.hindsight.search;

/**
 * Counts one document's terms per field. An open-addressing table keyed by the lower-cased characters,
 * so the common case (an ASCII word seen before in this document) allocates nothing: the index build
 * spends most of its time here.
 */
final class TermCounter implements Tokenizer.Sink {

    private final int fields;
    private String[] keys = new String[1024];
    private int[] hashes = new int[1024];
    private int[] counts;
    private int size;
    private int field;
    final int[] lengths;

    TermCounter(int fields) {
        this.fields = fields;
        this.counts = new int[keys.length * fields];
        this.lengths = new int[fields];
    }

    void field(int f) {
        field = f;
    }

    int size() {
        return size;
    }

    @Override
    public void term(String term) {
        int h = term.hashCode();
        int i = slot(h);
        while (keys[i] != null) {
            if (hashes[i] == h && keys[i].equals(term)) {
                count(i);
                return;
            }
            i = (i + 1) & (keys.length - 1);
        }
        insert(i, h, term);
    }

    @Override
    public void asciiTerm(String text, int start, int end, boolean upper) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + lower(text.charAt(k));
        }
        int i = slot(h);
        while (keys[i] != null) {
            if (hashes[i] == h && sameLower(keys[i], text, start, end)) {
                count(i);
                return;
            }
            i = (i + 1) & (keys.length - 1);
        }
        insert(i, h, Tokenizer.lowerAscii(text, start, end, upper));
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean sameLower(String key, String text, int start, int end) {
        if (key.length() != end - start) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (key.charAt(k - start) != lower(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private int slot(int h) {
        return slot(h, keys.length - 1);
    }

    /** The home slot of hash {@code h} in a table of {@code mask + 1} (a power of two) slots. */
    static int slot(int h, int mask) {
        return ((h ^ (h >>> 16)) * 0x9E3779B9 >>> 7) & mask;
    }

    private void count(int i) {
        counts[i * fields + field]++;
        lengths[field]++;
    }

    private void insert(int i, int h, String key) {
        keys[i] = key;
        hashes[i] = h;
        size++;
        count(i);
        if (size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldCounts = counts;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        counts = new int[keys.length * fields];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j]);
                while (keys[i] != null) {
                    i = (i + 1) & (keys.length - 1);
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                System.arraycopy(oldCounts, j * fields, counts, i * fields, fields);
            }
        }
    }

    /** Copies the terms, their hashes ({@link String#hashCode()}) and per-field counts into the arrays. */
    void copyTo(String[] terms, int[] termHashes, int[] termCounts) {
        int k = 0;
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != null) {
                terms[k] = keys[j];
                termHashes[k] = hashes[j];
                System.arraycopy(counts, j * fields, termCounts, k * fields, fields);
                k++;
            }
        }
    }
}
