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
 * @param commits        the commits that changed the file, newest first; empty when never committed
 * @param contributors   author names, most commits first, ties by name
 * @param approximate    the repository is a shallow clone: the oldest commits, hence the created date and
 *                       the contributors, may be missing
 * @param uncommitted    the working tree or the index differs from HEAD for this file
 * @param untracked      Git does not track the file at all (it has no commit and is not in the index)
 */
public record FileHistory(String path, String repositoryPath, List<CommitInfo> commits, List<String> contributors,
                          boolean approximate, boolean uncommitted, boolean untracked) {

    public FileHistory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(repositoryPath, "repositoryPath");
        commits = List.copyOf(commits);
        contributors = List.copyOf(contributors);
    }

    /** A file with these commits (newest first); the contributors are derived from them. */
    static FileHistory of(String path, String repositoryPath, List<CommitInfo> commits, boolean approximate,
                          boolean uncommitted) {
        return new FileHistory(path, repositoryPath, commits, contributors(commits), approximate, uncommitted,
                false);
    }

    static FileHistory untracked(String path, String repositoryPath) {
        return new FileHistory(path, repositoryPath, List.of(), List.of(), false, true, true);
    }

    /** A file in the index but in no commit yet (staged, never committed). */
    static FileHistory staged(String path, String repositoryPath) {
        return new FileHistory(path, repositoryPath, List.of(), List.of(), false, true, false);
    }

    /** The time of the oldest commit, or null when the file has none. */
    public OffsetDateTime created() {
        return commits.isEmpty() ? null : commits.get(commits.size() - 1).time();
    }

    /** The time of the newest commit, or null when the file has none. */
    public OffsetDateTime lastUpdated() {
        return commits.isEmpty() ? null : commits.get(0).time();
    }

    /** Whether the file has at least one commit. */
    public boolean committed() {
        return !commits.isEmpty();
    }

    static List<String> contributors(List<CommitInfo> commits) {
        Map<String, Integer> counts = new HashMap<>();
        for (CommitInfo c : commits) {
            counts.merge(c.author(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
