package dev.hindsight.git;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Git knows about one file of the site.
 *
 * @param path           path relative to the site root, with {@code /}
 * @param repositoryPath path relative to the repository root (what {@code repo.edit_url}'s {@code {path}} needs)
 * @param commits        the commits that changed the file, newest first, merge commits left out; empty when
 *                       never committed, or when the only commit is the boundary of a shallow clone
 * @param contributors   author names (after {@code .mailmap}), most commits first, ties by name; bots left out
 * @param approximate    the repository is a shallow clone: the oldest commits, hence the created date and
 *                       the contributors, may be missing
 * @param truncatedAt    in a shallow clone, when the file exists in a boundary commit (one whose parents
 *                       were not fetched): the time of that commit. The boundary commit is not counted as a
 *                       change (it would make every file look changed at the clone's depth): the file's
 *                       earlier changes all happened at or before this time. Null otherwise
 * @param uncommitted    the working tree or the index differs from HEAD for this file
 * @param untracked      Git does not track the file at all (it has no commit and is not in the index)
 */
public record FileHistory(String path, String repositoryPath, List<CommitInfo> commits, List<String> contributors,
                          boolean approximate, boolean uncommitted, boolean untracked, OffsetDateTime truncatedAt) {

    public FileHistory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(repositoryPath, "repositoryPath");
        commits = List.copyOf(commits);
        contributors = List.copyOf(contributors);
    }

    /** A file with these commits (newest first); the contributors are derived from them. */
    static FileHistory of(String path, String repositoryPath, List<CommitInfo> commits, boolean approximate,
                          boolean uncommitted) {
        return of(path, repositoryPath, commits, approximate, uncommitted, null);
    }

    static FileHistory of(String path, String repositoryPath, List<CommitInfo> commits, boolean approximate,
                          boolean uncommitted, OffsetDateTime truncatedAt) {
        return new FileHistory(path, repositoryPath, commits, contributors(commits), approximate, uncommitted,
                false, truncatedAt);
    }

    static FileHistory untracked(String path, String repositoryPath) {
        return new FileHistory(path, repositoryPath, List.of(), List.of(), false, true, true, null);
    }

    /** A file in the index but in no commit yet (staged, never committed). */
    static FileHistory staged(String path, String repositoryPath) {
        return new FileHistory(path, repositoryPath, List.of(), List.of(), false, true, false, null);
    }

    /**
     * The time of the newest change, or, when the clone is too shallow to show one, the latest time the
     * file can have last changed ({@link #truncatedAt}); null when the file has no commit.
     */
    public OffsetDateTime lastUpdatedAtMost() {
        return commits.isEmpty() ? truncatedAt : commits.get(0).time();
    }

    /** The time of the oldest commit, or null when the file has none. */
    public OffsetDateTime created() {
        return commits.isEmpty() ? null : commits.get(commits.size() - 1).time();
    }

    /** The time of the newest commit, or null when the file has none. */
    public OffsetDateTime lastUpdated() {
        return commits.isEmpty() ? null : commits.get(0).time();
    }

    /** Whether the file has at least one commit (in a shallow clone: or is in its boundary commit). */
    public boolean committed() {
        return !commits.isEmpty() || truncatedAt != null;
    }

    static List<String> contributors(List<CommitInfo> commits) {
        Map<String, Integer> counts = new HashMap<>();
        for (CommitInfo c : commits) {
            if (c.bot() || c.author().isEmpty()) {
                continue;
            }
            counts.merge(c.author(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
