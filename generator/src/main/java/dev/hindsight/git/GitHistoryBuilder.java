package dev.hindsight.git;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads the Git history of a site root. A {@link Callable} so that the site stage can run it on its
 * own thread while the documents are parsed: it shares nothing mutable but the (thread-safe)
 * {@link Diagnostics}, and opens and closes its own repository.
 *
 * <p>Reports at most one repository-level diagnostic, placed on {@code hindsight.yml} (the file that
 * stands for the whole site): {@value GitHistory#RULE_UNAVAILABLE} (info) when there is no repository
 * or no commit, {@value GitHistory#RULE_SHALLOW} (warning) for a shallow clone, and
 * {@value GitHistory#RULE_ERROR} (warning) when the repository cannot be read.
 */
public final class GitHistoryBuilder implements Callable<GitHistory> {

    /** Where repository-level diagnostics point: the site's configuration file. */
    static final String SITE_FILE = "hindsight.yml";

    /**
     * Who is a bot unless {@code git.bots} says otherwise: an author whose name or e-mail address
     * contains one of these, ignoring case.
     */
    public static final List<String> DEFAULT_BOTS = List.of("[bot]", "dependabot", "renovate", "github-actions",
            "openshift-merge-bot", "openshift-ci-robot", "k8s-ci-robot");

    /** The mailmap file Git reads at the top of the work tree. */
    static final String MAILMAP = ".mailmap";

    private final Path siteRoot;
    private final Diagnostics diagnostics;
    private final List<String> bots;
    private final HistoryStore store;
    private final boolean shortIds;
    /** Whether the history of each file is read (the walk from HEAD, the work tree's status, submodules). */
    private final boolean walkFiles;

    public GitHistoryBuilder(Path siteRoot, Diagnostics diagnostics) {
        this(siteRoot, diagnostics, null);
    }

    /** @param bots texts that mark an author as a bot (see {@link #DEFAULT_BOTS}, used when null) */
    public GitHistoryBuilder(Path siteRoot, Diagnostics diagnostics, List<String> bots) {
        this(siteRoot, diagnostics, bots, HistoryStore.NONE);
    }

    /**
     * @param store where the committed history (the walk from HEAD) is kept between runs; the work tree's status
     *              (modified, staged and untracked files), the submodules, the shallow boundary and the origin
     *              remote are read afresh each run
     */
    public GitHistoryBuilder(Path siteRoot, Diagnostics diagnostics, List<String> bots, HistoryStore store) {
        this(siteRoot, diagnostics, bots, store, true, true);
    }

    private GitHistoryBuilder(Path siteRoot, Diagnostics diagnostics, List<String> bots, HistoryStore store,
                              boolean shortIds, boolean walkFiles) {
        this.shortIds = shortIds;
        this.walkFiles = walkFiles;
        this.siteRoot = Objects.requireNonNull(siteRoot, "siteRoot");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.bots = (bots == null ? DEFAULT_BOTS : bots).stream()
                .map(b -> b.toLowerCase(java.util.Locale.ROOT)).toList();
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * This builder for a run that shows no commits (a check): each commit's {@link CommitInfo#shortId} is its whole
     * id, not its shortest unique abbreviation, which costs a look-up among all the repository's objects per commit
     * (about a third of a check's Git time with a warm cache, 12,000 commits).
     */
    public GitHistoryBuilder withoutShortIds() {
        return new GitHistoryBuilder(siteRoot, diagnostics, bots, store, false, walkFiles);
    }

    /**
     * This builder for a run that needs no file's history (a check whose runbooks all have {@code last_reviewed}):
     * the repository is found and HEAD read as by {@link #call()}, with the same diagnostics about them (no
     * repository, bare, outside the work tree, no commit yet, shallow clone), but no commit is walked and the work
     * tree's status is not read, so the history knows HEAD (the reference date) and no file. Damage in the objects
     * the walk would read goes unnoticed, as nothing reads them.
     */
    public GitHistoryBuilder headOnly() {
        return new GitHistoryBuilder(siteRoot, diagnostics, bots, store, shortIds, false);
    }

    /** Never throws for a missing or unreadable repository: that is a diagnostic and {@link GitHistory#none()}. */
    @Override
    public GitHistory call() {
        Path root = siteRoot.toAbsolutePath().normalize();
        FileRepositoryBuilder finder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (finder.getGitDir() == null) {
            unavailable("the site is not inside a Git repository; pages get no created or updated dates "
                    + "and no page history");
            return GitHistory.none();
        }
        try (Repository repo = finder.setMustExist(true).build()) {
            if (repo.isBare()) {
                unavailable("the site is inside a bare Git repository, which has no work tree; pages get no "
                        + "Git dates");
                return GitHistory.none();
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path realRoot = root.toRealPath();
            if (!realRoot.startsWith(workTree)) {
                unavailable("the site root " + realRoot + " is outside the work tree " + workTree
                        + " of its Git repository; pages get no Git dates");
                return GitHistory.none();
            }
            return read(repo, prefixOf(workTree.relativize(realRoot)));
        } catch (IOException | RevWalkException | LargeObjectException | NoWorkTreeException e) {
            // JGit reports some damage in the repository with unchecked exceptions.
            diagnostics.add(new Diagnostic(Severity.WARNING, GitHistory.RULE_ERROR, Position.ofFile(SITE_FILE),
                    "cannot read the Git history: " + e.getMessage() + "; pages get no Git dates", ""));
            return GitHistory.none();
        }
    }

    private GitHistory read(Repository repo, String prefix) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
        Set<ObjectId> shallowCommits = head == null ? Set.of() : repo.getObjectDatabase().getShallowCommits();
        boolean shallow = !shallowCommits.isEmpty();
        Status status = walkFiles ? status(repo, head, prefix) : null;
        if (head == null) {
            unavailable("the Git repository has no commit yet; pages get no created or updated dates");
            Map<String, FileHistory> files = new HashMap<>();
            if (status != null) {
                status.addUncommittedFiles(prefix, files);
            }
            return new GitHistory(true, prefix, null, null, false, files, 0);
        }
        if (shallow) {
            diagnostics.add(new Diagnostic(Severity.WARNING, GitHistory.RULE_SHALLOW, Position.ofFile(SITE_FILE),
                    "the Git repository is a shallow clone: created dates and contributors only cover the "
                            + "fetched commits and are marked approximate; a file last changed before them has no "
                            + "last-updated date, and a runbook without `last_reviewed` is stale only when "
                            + "even the oldest fetched commit is older than its review interval",
                    "fetch the whole history: `git fetch --unshallow` (GitHub Actions: `fetch-depth: 0`)"));
        }
        if (!walkFiles) {
            try (RevWalk walk = new RevWalk(repo)) {
                return new GitHistory(true, prefix, head.name(), HistoryWalk.timeOf(walk.parseCommit(head)), shallow,
                        Map.of(), 0, Map.of(), webAddress(repo));
            }
        }
        byte[] mailmapText = mailmapBytes(repo);
        String key = key(repo, prefix, head, shallowCommits, mailmapText);
        CommittedHistory committed = store.read(key).map(b -> {
            try (ObjectReader reader = repo.newObjectReader()) {
                return CommittedHistory.read(b, key, shortIds ? reader : null);
            }
        }).orElse(null);
        int walks = 0;
        if (committed == null) {
            HistoryWalk walk = new HistoryWalk(repo, prefix, shallowCommits, mailmap(mailmapText), bots,
                    shortIds);
            walk.run(head);
            walks = walk.walks();
            committed = CommittedHistory.of(walk);
            store.write(key, committed.bytes(key));
        }
        Map<String, FileHistory> files = new HashMap<>();
        committed.addFiles(prefix, shallow, status.modified, files);
        status.addUncommittedFiles(prefix, files);
        Map<String, String> submodules = new HashMap<>();
        walks += submodules(repo, prefix, files, submodules, bots);
        return new GitHistory(true, prefix, head.name(), committed.headTime(), shallow, files, walks, submodules,
                webAddress(repo));
    }

    /** The web address of {@code repo}'s {@code origin} remote, or "". */
    private static String webAddress(Repository repo) {
        return GitHistory.webAddress(repo.getConfig().getString("remote", "origin", "url"));
    }

    /**
     * The key of the committed history: everything the walk from HEAD reads besides immutable objects — HEAD's
     * id, where the site sits, the shallow boundary, the mailmap's bytes, the bot list and Git's rename settings.
     * The code's own fingerprint is the store's to add.
     */
    private String key(Repository repo, String prefix, ObjectId head, Set<ObjectId> shallowCommits,
                       byte[] mailmapText) {
        DiffConfig diff = repo.getConfig().get(DiffConfig.KEY);
        List<String> shallow = shallowCommits.stream().map(ObjectId::name).sorted().toList();
        List<String> parts = new java.util.ArrayList<>(List.of("hindsight git history v1", head.name(), prefix,
                String.join(",", shallow), String.valueOf(diff.getRenameDetectionType()),
                Integer.toString(diff.getRenameLimit()), Integer.toString(bots.size())));
        parts.addAll(bots);
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                part(sha, part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            part(sha, mailmapText == null ? new byte[] {(byte) 0xff} : mailmapText);
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** One length-prefixed part, so that no two different sequences of parts hash alike. */
    private static void part(java.security.MessageDigest sha, byte[] bytes) {
        sha.update(Long.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /**
     * Adds the files of the checked-out submodules inside the site, with their own history and their
     * path in their own repository; records each submodule's folder and web address. Returns the walks.
     */
    private int submodules(Repository repo, String prefix, Map<String, FileHistory> files,
                                  Map<String, String> found, List<String> bots) throws IOException {
        int walks = 0;
        try (SubmoduleWalk subs = SubmoduleWalk.forIndex(repo)) {
            while (subs.next()) {
                String path = subs.getPath();
                if (!(path + "/").startsWith(prefix) || (path + "/").equals(prefix)) {
                    continue;
                }
                try (Repository sub = subs.getRepository()) {
                    ObjectId subHead = sub == null ? null : sub.resolve(Constants.HEAD + "^{commit}");
                    if (subHead == null) {
                        continue;
                    }
                    Set<ObjectId> subShallow = sub.getObjectDatabase().getShallowCommits();
                    HistoryWalk walk = new HistoryWalk(sub, "", subShallow, mailmap(sub), bots, shortIds);
                    walk.run(subHead);
                    walks += walk.walks();
                    String folder = path.substring(prefix.length()) + "/";
                    for (String p : walk.headPaths()) {
                        HistoryWalk.Trace trace = walk.trace(p);
                        files.put(folder + p, FileHistory.of(folder + p, p, trace.commits(), !subShallow.isEmpty(),
                                false, trace.truncatedAt()));
                    }
                    found.put(folder, webAddress(sub));
                } catch (IOException | RevWalkException e) {
                    // A submodule that cannot be read: its files get no history, the rest of the site does.
                }
            }
        }
        return walks;
    }

    /**
     * The {@code .mailmap} at the top of the work tree (what Git itself reads), or none. A file that cannot
     * be read, or is larger than 1 MiB, is ignored like a missing one.
     */
    private static Mailmap mailmap(Repository repo) {
        return mailmap(mailmapBytes(repo));
    }

    private static Mailmap mailmap(byte[] text) {
        return text == null ? Mailmap.EMPTY
                : Mailmap.parse(new String(text, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    /** The bytes of the {@code .mailmap} that {@link #mailmap(Repository)} reads, or null when it reads none. */
    private static byte[] mailmapBytes(Repository repo) {
        try {
            Path file = repo.getWorkTree().toPath().resolve(MAILMAP);
            if (!java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || java.nio.file.Files.size(file) > 1 << 20) {
                return null;
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            return bytes.length > 1 << 20 ? null : bytes;
        } catch (IOException | NoWorkTreeException e) {
            return null;
        }
    }

    /** Files of the site root whose index or working copy differs from HEAD, by site-relative path. */
    private static Status status(Repository repo, ObjectId head, String prefix) throws IOException {
        IndexDiff diff = new IndexDiff(repo, head, new FileTreeIterator(repo));
        diff.setIgnoreSubmoduleMode(SubmoduleWalk.IgnoreSubmoduleMode.ALL);
        if (!prefix.isEmpty()) {
            diff.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
        }
        diff.diff();
        Set<String> modified = new HashSet<>();
        for (Set<String> s : List.of(diff.getModified(), diff.getChanged(), diff.getConflicting())) {
            s.forEach(p -> modified.add(p.substring(prefix.length())));
        }
        Set<String> staged = new HashSet<>();
        diff.getAdded().forEach(p -> staged.add(p.substring(prefix.length())));
        Set<String> untracked = new HashSet<>();
        diff.getUntracked().forEach(p -> untracked.add(p.substring(prefix.length())));
        return new Status(modified, staged, untracked);
    }

    private record Status(Set<String> modified, Set<String> staged, Set<String> untracked) {
        /** Files that are in no commit: staged-only and untracked ones. Never given a date. */
        void addUncommittedFiles(String prefix, Map<String, FileHistory> files) {
            for (String p : staged) {
                files.putIfAbsent(p, FileHistory.staged(p, prefix + p));
            }
            for (String p : untracked) {
                files.putIfAbsent(p, FileHistory.untracked(p, prefix + p));
            }
        }
    }

    private void unavailable(String message) {
        diagnostics.add(new Diagnostic(Severity.INFO, GitHistory.RULE_UNAVAILABLE, Position.ofFile(SITE_FILE),
                message, "without Git, pass --reference-date for the overdue and stale checks"));
    }

    /** "" for the work tree itself, else "a/b/". */
    static String prefixOf(Path relative) {
        String p = relative.toString().replace('\\', '/');
        return p.isEmpty() ? "" : p + "/";
    }
}
