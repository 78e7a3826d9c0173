package dev.hindsight.git;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The one pass over the history: a single {@link RevWalk} from HEAD, and for each commit a tree diff
 * against its first parent restricted to the site root ({@link TreeDiff}), with JGit's rename detection
 * for the commits that both add and delete files. Records, per path,
 * what each commit did; {@link #historyOf} then reads a file's commits out of that record without
 * touching the repository again. One instance per build; not thread-safe.
 */
final class HistoryWalk {

    private final Repository repo;
    /** The site root in the repository: "" or a path ending in "/". */
    private final String prefix;

    private final Set<ObjectId> shallowCommits;
    private final Mailmap mailmap;
    private final List<String> bots;

    private final List<CommitInfo> commits = new ArrayList<>();
    /** Walk positions of merge commits (never part of a page's history) and of shallow boundaries. */
    private final BitSet merges = new BitSet();
    private final BitSet boundaries = new BitSet();
    private final Map<String, List<Change>> changes = new HashMap<>();
    private final List<String> headPaths = new ArrayList<>();
    private int walks;
    private OffsetDateTime headTime;
    private final boolean shortIds;

    HistoryWalk(Repository repo, String prefix) {
        this(repo, prefix, Set.of(), Mailmap.EMPTY, List.of(), true);
    }

    /**
     * @param shallowCommits the boundary commits of a shallow clone (their parents were not fetched)
     * @param bots           lower-case texts: an author whose name or address holds one is a bot
     * @param shortIds       whether the commits get their abbreviated ids ({@link CommitInfo#shortId}), else their
     *                       whole ids
     */
    HistoryWalk(Repository repo, String prefix, Set<ObjectId> shallowCommits, Mailmap mailmap, List<String> bots,
                boolean shortIds) {
        this.shortIds = shortIds;
        this.repo = repo;
        this.prefix = prefix;
        this.shallowCommits = shallowCommits;
        this.mailmap = mailmap;
        this.bots = bots;
    }

    /** Walks the whole history reachable from {@code head}. Call once. */
    void run(ObjectId head) throws IOException {
        DeltaBaseLimit.fit(repo, repo.parseCommit(head).getTree(), prefix); // before the reader's cache is made
        try (ObjectReader reader = repo.newObjectReader();
             RevWalk walk = newWalk(reader);
             TreeWalk tree = new TreeWalk(repo, reader)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            RevCommit headCommit = walk.parseCommit(head);
            walk.markStart(headCommit);
            headTime = timeOf(headCommit);
            TreeFilter scope = prefix.isEmpty()
                    ? TreeFilter.ALL
                    : PathFilter.create(prefix.substring(0, prefix.length() - 1));

            tree.setRecursive(true);
            tree.setFilter(scope);
            tree.addTree(headCommit.getTree());
            while (tree.next()) {
                headPaths.add(sitePath(tree.getPathString()));
            }

            tree.setFilter(prefix.isEmpty() ? TreeFilter.ANY_DIFF : AndTreeFilter.create(scope, TreeFilter.ANY_DIFF));
            RenameDetector renames = new RenameDetector(reader, repo.getConfig().get(DiffConfig.KEY));
            TreeDiff differ = new TreeDiff(reader);
            // Newest first, as Git's own repacks (gc, the packs a clone receives) store the newest version
            // of a folder whole and older ones as deltas on it: the delta bases stay in JGit's cache.
            for (RevCommit c = walk.next(); c != null; c = walk.next()) {
                RevCommit parent = c.getParentCount() > 0 ? c.getParent(0) : null;
                if (parent != null) {
                    walk.parseHeaders(parent);
                }
                // A root commit, or the boundary of a shallow clone: everything is new here.
                TreeDiff.Changes changed = differ.diff(parent == null ? null : parent.getTree(), c.getTree(), prefix);
                if (changed.isEmpty()) {
                    continue;
                }
                if (changed.added().isEmpty() || changed.deleted().isEmpty()) {
                    record(commits.size(), changed);
                } else {
                    // Files both appeared and disappeared: let JGit pair them up as renames.
                    tree.reset();
                    if (parent == null) {
                        tree.addTree(new EmptyTreeIterator());
                    } else {
                        tree.addTree(parent.getTree());
                    }
                    tree.addTree(c.getTree());
                    renames.reset();
                    renames.addAll(DiffEntry.scan(tree));
                    record(commits.size(), renames.compute());
                }
                if (c.getParentCount() > 1) {
                    merges.set(commits.size());
                } else if (parent == null && shallowCommits.contains(c)) {
                    boundaries.set(commits.size());
                }
                commits.add(info(reader, c));
            }
        }
    }

    private RevWalk newWalk(ObjectReader reader) {
        walks++;
        return new RevWalk(reader);
    }

    /** A commit without renames: additions and modifications are touches, deletions end a file's line. */
    private void record(int index, TreeDiff.Changes changed) {
        changed.added().forEach(p -> add(p, Change.touched(index)));
        changed.modified().forEach(p -> add(p, Change.touched(index)));
        changed.deleted().forEach(p -> add(p, Change.gone(index)));
    }

    /** Touches before removals, so that "renamed away and re-created in one commit" reads right. */
    private void record(int index, List<DiffEntry> diffs) {
        List<String> removed = new ArrayList<>();
        for (DiffEntry d : diffs) {
            switch (d.getChangeType()) {
                case ADD, MODIFY, COPY -> add(d.getNewPath(), Change.touched(index));
                case RENAME -> {
                    add(d.getNewPath(), Change.renamed(index, sitePath(d.getOldPath())));
                    removed.add(d.getOldPath());
                }
                case DELETE -> removed.add(d.getOldPath());
                default -> throw new IllegalStateException("unexpected change " + d.getChangeType());
            }
        }
        for (String path : removed) {
            add(path, Change.gone(index));
        }
    }

    private void add(String repoPath, Change change) {
        changes.computeIfAbsent(sitePath(repoPath), k -> new ArrayList<>(2)).add(change);
    }

    private String sitePath(String repoPath) {
        return repoPath.substring(prefix.length());
    }

    private CommitInfo info(ObjectReader reader, RevCommit c) throws IOException {
        PersonIdent author = c.getAuthorIdent();
        Mailmap.Person who = author == null ? new Mailmap.Person("", "")
                : mailmap.map(author.getName(), author.getEmailAddress());
        boolean bot = author != null && (isBot(who.name(), who.email())
                || isBot(author.getName(), author.getEmailAddress()));
        String shortId = shortIds ? reader.abbreviate(c, 7).name() : c.name();
        return new CommitInfo(c.name(), shortId, timeOf(c), who.name(), c.getShortMessage(),
                bot);
    }

    private boolean isBot(String name, String email) {
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        String m = email == null ? "" : email.toLowerCase(java.util.Locale.ROOT);
        for (String b : bots) {
            if (!b.isEmpty() && (n.contains(b) || m.contains(b))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The committer time, in UTC. Read from the committer line as an {@code Instant}: the {@code int} of
     * {@code getCommitTime()} wraps after 2038 (and a 2106 date would wrap twice).
     */
    static OffsetDateTime timeOf(RevCommit c) {
        PersonIdent committer = c.getCommitterIdent();
        Instant when = committer != null ? committer.getWhenAsInstant() : Instant.ofEpochSecond(c.getCommitTime());
        return OffsetDateTime.ofInstant(when, ZoneOffset.UTC);
    }

    /** The committer time of HEAD, in UTC; null before {@link #run}. */
    OffsetDateTime headTime() {
        return headTime;
    }

    /** The paths of HEAD's files under the site root, relative to it. */
    List<String> headPaths() {
        return headPaths;
    }

    int walks() {
        return walks;
    }

    /**
     * The commits of the file at {@code path} in HEAD, newest first: the changes to that path back to
     * the last time it was deleted or renamed away, and across each rename, the same for the old path
     * before the rename. Merge commits are left out (their changes are the branch's own commits), and so
     * is the boundary of a shallow clone, which only says the file existed then.
     */
    List<CommitInfo> historyOf(String path) {
        return trace(path).commits();
    }

    /** A file's commits, and the time of the shallow boundary its history runs into (or null). */
    record Trace(List<CommitInfo> commits, OffsetDateTime truncatedAt) {
    }

    Trace trace(String path) {
        Positions p = positions(path);
        List<CommitInfo> out = new ArrayList<>(p.found().cardinality());
        for (int i = p.found().nextSetBit(0); i >= 0; i = p.found().nextSetBit(i + 1)) {
            out.add(commits.get(i));
        }
        return new Trace(out, p.truncatedAt());
    }

    /** Every commit of the walk, newest first, merges included: what {@link #positions} indexes into. */
    List<CommitInfo> commits() {
        return commits;
    }

    /** A file's commits as walk positions (into {@link #commits()}), and its shallow boundary time (or null). */
    record Positions(BitSet found, OffsetDateTime truncatedAt) {
    }

    Positions positions(String path) {
        BitSet found = new BitSet();
        OffsetDateTime truncatedAt = null;
        Deque<Step> todo = new ArrayDeque<>();
        Set<Step> seen = new HashSet<>();
        todo.push(new Step(path, -1));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            if (!seen.add(step)) {
                continue;
            }
            for (Change ch : changes.getOrDefault(step.path(), List.of())) {
                if (ch.commit() <= step.after()) {
                    continue;
                }
                if (ch.gone()) {
                    break;
                }
                if (boundaries.get(ch.commit())) {
                    OffsetDateTime t = commits.get(ch.commit()).time();
                    truncatedAt = truncatedAt == null || t.isAfter(truncatedAt) ? t : truncatedAt;
                } else if (!merges.get(ch.commit())) {
                    found.set(ch.commit());
                }
                if (ch.renamedFrom() != null) {
                    todo.push(new Step(ch.renamedFrom(), ch.commit()));
                }
            }
        }
        return new Positions(found, truncatedAt);
    }

    /** Follow {@code path} in commits older than walk position {@code after}. */
    private record Step(String path, int after) {
    }
}
