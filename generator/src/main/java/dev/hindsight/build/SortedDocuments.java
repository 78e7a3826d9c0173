package dev.hindsight.build;

import dev.hindsight.model.Document;
import java.util.List;

/** Lists of documents sorted by source path, as a preview update compares and patches them. */
final class SortedDocuments {

    private SortedDocuments() {
    }

    /** The index of the document at {@code path} in {@code sorted}, or where it would go. */
    static int position(List<Document> sorted, String path) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).meta().sourcePath().compareTo(path) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The documents of {@code a} that {@code b} does not have (the same instance), into {@code gone}, and
     * those of {@code b} that {@code a} does not have, into {@code added}: a document edited in place is in
     * both. Both lists are sorted by path.
     */
    static void differences(List<Document> a, List<Document> b, List<Document> gone, List<Document> added) {
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i) == b.get(j)) {
                i++;
                j++;
                continue;
            }
            int c = i == a.size() ? 1 : j == b.size() ? -1
                    : a.get(i).meta().sourcePath().compareTo(b.get(j).meta().sourcePath());
            if (c < 0) {
                gone.add(a.get(i++));
            } else if (c > 0) {
                added.add(b.get(j++));
            } else {
                gone.add(a.get(i++));
                added.add(b.get(j++));
            }
        }
    }

    /** Whether {@code x} and {@code y} hold the same instances in the same order. */
    static boolean same(List<Document> x, List<Document> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != y.get(i)) {
                return false;
            }
        }
        return true;
    }
}
