package dev.hindsight.git;

import java.io.IOException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Sizes JGit's delta base cache to the repository's largest folder before the history walk.
 *
 * <p>Git packs the versions of a folder's tree object as chains of up to 50 deltas. JGit keeps only the base it
 * last applied a delta to, in a cache of 10 MiB per reader by default; when a folder's tree is megabytes (25,000
 * files), a few versions fill it, and reading the next version back in history rebuilds its chain from a whole
 * object: dozens of delta applications of the whole folder per commit, which made the walk grow with commits ×
 * folder size (at 50,000 documents, 305 GB allocated and 61 s of CPU, against 72 GB and 20 s with room for 32
 * versions). The limit is JGit's process-wide setting ({@link WindowCacheConfig#install}, which also reads the
 * repository's other {@code core.packedGit*} settings); it is raised only when the largest folder needs more than
 * the default, and never when the repository's configuration sets {@code core.deltaBaseCacheLimit} itself.
 */
final class DeltaBaseLimit {

    /** Versions of the largest folder the cache should hold. */
    static final int VERSIONS = 32;
    /** JGit's default limit. */
    static final long DEFAULT = new WindowCacheConfig().getDeltaBaseCacheLimit();
    /** Never more than this, nor more than an eighth of the heap. */
    static final long CAP = 256L << 20;

    private DeltaBaseLimit() {
    }

    /** The limit for a repository whose largest folder tree under the site is {@code largestTree} bytes. */
    static long limitFor(long largestTree, long maxHeap) {
        return Math.max(DEFAULT, Math.min(Math.min(CAP, maxHeap / 8), largestTree * VERSIONS));
    }

    /** Raises JGit's delta base cache limit when {@code headTree}'s largest folder under {@code prefix} needs it. */
    static void fit(Repository repo, ObjectId headTree, String prefix) throws IOException {
        if (repo.getConfig().getString(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_DELTA_BASE_CACHE_LIMIT) != null) {
            return;
        }
        long limit = limitFor(largestTree(repo, headTree, prefix), Runtime.getRuntime().maxMemory());
        if (limit > DEFAULT) {
            WindowCacheConfig config = new WindowCacheConfig().fromConfig(repo.getConfig());
            config.setDeltaBaseCacheLimit((int) limit);
            config.install();
        }
    }

    /** The size of the largest tree object at or below folder {@code prefix} of {@code headTree}. */
    static long largestTree(Repository repo, ObjectId headTree, String prefix) throws IOException {
        long largest = 0;
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(headTree);
            walk.setRecursive(false);
            if (prefix.isEmpty()) {
                largest = reader.getObjectSize(headTree, Constants.OBJ_TREE);
            }
            while (walk.next()) {
                String path = walk.getPathString() + "/";
                if (!walk.isSubtree() || !(path.startsWith(prefix) || prefix.startsWith(path))) {
                    continue;
                }
                if (path.startsWith(prefix)) {
                    largest = Math.max(largest, reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_TREE));
                }
                walk.enterSubtree();
            }
        }
        return largest;
    }
}
