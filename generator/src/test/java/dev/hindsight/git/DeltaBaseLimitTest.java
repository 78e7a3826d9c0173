package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How big JGit's delta base cache is made for a walk, from the largest folder under the site. */
class DeltaBaseLimitTest {

    @Test
    void roomForThirtyTwoVersionsOfTheLargestFolderWithinAnEighthOfTheHeapAnd256MiB() {
        long gib = 1L << 30;
        assertThat(DeltaBaseLimit.DEFAULT).isEqualTo(10L << 20);
        assertThat(DeltaBaseLimit.limitFor(300_000, 4 * gib)).isEqualTo(10L << 20); // 9.6 MB: JGit's default
        assertThat(DeltaBaseLimit.limitFor(2_000_000, 4 * gib)).isEqualTo(64_000_000L);
        assertThat(DeltaBaseLimit.limitFor(20_000_000, 4 * gib)).isEqualTo(256L << 20);
        assertThat(DeltaBaseLimit.limitFor(20_000_000, gib)).isEqualTo(128L << 20);
        assertThat(DeltaBaseLimit.limitFor(20_000_000, 64L << 20)).isEqualTo(10L << 20);
    }

    @Test
    void theLargestFolderIsLookedForAtAndBelowTheSiteRootOnly(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int f = 0; f < 40; f++) {
                repo.write("site/big/folder/r" + f + ".md", "x\n");
                repo.write("elsewhere/r" + f + ".md", "x\n");
                repo.write("elsewhere/more/r" + f + ".md", "x\n");
            }
            repo.write("site/a.md", "x\n").write("site/small/b.md", "x\n");
            RevCommit c = repo.commit("Alice Ops", "2024-01-01T00:00:00Z", "start");
            Repository r = repo.git.getRepository();
            ObjectId tree = c.getTree();
            long bigFolder = size(r, r.resolve(c.name() + ":site/big/folder"));
            long elsewhere = size(r, r.resolve(c.name() + ":elsewhere"));
            assertThat(elsewhere).isGreaterThan(bigFolder);

            assertThat(DeltaBaseLimit.largestTree(r, tree, "site/")).isEqualTo(bigFolder);
            assertThat(DeltaBaseLimit.largestTree(r, tree, "site/small/"))
                    .isEqualTo(size(r, r.resolve(c.name() + ":site/small")));
            assertThat(DeltaBaseLimit.largestTree(r, tree, "")).isEqualTo(elsewhere);
            assertThat(DeltaBaseLimit.largestTree(r, tree, "missing/")).isZero();
        }
    }

    private static long size(Repository repo, ObjectId tree) throws Exception {
        try (ObjectReader reader = repo.newObjectReader()) {
            return reader.getObjectSize(tree, Constants.OBJ_TREE);
        }
    }
}
