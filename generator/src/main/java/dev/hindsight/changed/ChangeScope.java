package dev.hindsight.changed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * What {@code check --changed} compares: the merge base of HEAD with a reference, and the site files
 * that differ between that commit and the working tree (committed, staged, modified or untracked;
 * ignored files are not changes).
 *
 * @param base        the merge-base commit
 * @param reference   what the base was computed against, as the user would name it (e.g. {@code origin/main})
 * @param sitePrefix  the site root inside the work tree, "" or {@code dir/}
 * @param changed     site-relative paths that exist now and differ from the base (added, modified, renamed to)
 */
public record ChangeScope(ObjectId base, String reference, String sitePrefix, Set<String> changed) {

    /** Branches that may be the default one, in the order they are tried. */
    private static final List<String> DEFAULT_BRANCHES = List.of("origin/main", "origin/master", "main", "master");

    public ChangeScope {
        changed = Set.copyOf(changed);
    }

    /** The short id of the base commit. */
    public String shortBase() {
        return base.abbreviate(12).name();
    }

    /**
     * Finds the base and the changed files for the site at {@code site}.
     *
     * @param ref the reference to compare with; null or empty for the default branch (the pull or merge
     *     request's target from {@code GITHUB_BASE_REF} or {@code CI_MERGE_REQUEST_TARGET_BRANCH_NAME},
     *     else {@code origin/HEAD}, {@code CI_DEFAULT_BRANCH}, then origin/main, origin/master, main, master)
     * @throws ChangeScopeException when there is no repository, the reference is unknown, or a
     *     shallow clone lacks the history the comparison needs (the message says what to fetch)
     */
    public static ChangeScope resolve(Path site, String ref, Map<String, String> environment) {
        Path root = site.toAbsolutePath().normalize();
        FileRepositoryBuilder finder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (finder.getGitDir() == null) {
            throw new ChangeScopeException("--changed needs a Git repository, and " + root + " is not inside one");
        }
        try (Repository repo = finder.setMustExist(true).build()) {
            if (repo.isBare()) {
                throw new ChangeScopeException("--changed needs a work tree; " + repo.getDirectory() + " is bare");
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path realRoot = root.toRealPath();
            if (!realRoot.startsWith(workTree)) {
                throw new ChangeScopeException("--changed: the site " + realRoot + " is outside the work tree "
                        + workTree);
            }
            String rel = workTree.relativize(realRoot).toString().replace('\\', '/');
            String prefix = rel.isEmpty() ? "" : rel + "/";
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw new ChangeScopeException("--changed: the repository has no commit yet");
            }
            String reference = ref == null || ref.isBlank() ? defaultBranch(repo, environment, shallow) : ref.strip();
            ObjectId target = repo.resolve(reference + "^{commit}");
            if (target == null) {
                throw new ChangeScopeException("--changed: unknown reference `" + reference + "`"
                        + (shallow ? "; this is a shallow clone, fetch it: " + fetchHint(reference) : ""));
            }
            ObjectId base = mergeBase(repo, head, target);
            if (base == null) {
                throw new ChangeScopeException(shallow
                        ? "--changed: this is a shallow clone and the merge base of HEAD and `" + reference
                                + "` is not in it; fetch the history it needs: " + fetchHint(reference)
                        : "--changed: HEAD and `" + reference + "` have no common history");
            }
            return new ChangeScope(base, reference, prefix, changedFiles(repo, base, prefix));
        } catch (IOException | RevWalkException e) {
            throw new ChangeScopeException("--changed: cannot read the Git repository: " + e.getMessage());
        }
    }

    private static String fetchHint(String reference) {
        return "`git fetch --unshallow origin` (or `git fetch --deepen=N` until the branch point is in), "
                + "GitHub Actions: actions/checkout with `fetch-depth: 0`, GitLab CI: `GIT_DEPTH: \"0\"`";
    }

    private static String defaultBranch(Repository repo, Map<String, String> env, boolean shallow) throws IOException {
        List<String> candidates = new ArrayList<>();
        for (String variable : List.of("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")) {
            String branch = env.get(variable);
            if (branch != null && !branch.isBlank()) {
                candidates.add("origin/" + branch.strip());
                candidates.add(branch.strip());
            }
        }
        Ref originHead = repo.exactRef("refs/remotes/origin/HEAD");
        if (originHead != null && originHead.isSymbolic()) {
            candidates.add(Repository.shortenRefName(originHead.getTarget().getName()));
        }
        String ciDefault = env.get("CI_DEFAULT_BRANCH");
        if (ciDefault != null && !ciDefault.isBlank()) {
            candidates.add("origin/" + ciDefault.strip());
            candidates.add(ciDefault.strip());
        }
        candidates.addAll(DEFAULT_BRANCHES);
        for (String candidate : candidates) {
            if (repo.resolve(candidate + "^{commit}") != null) {
                return candidate;
            }
        }
        throw new ChangeScopeException("--changed: cannot find the default branch (tried "
                + String.join(", ", new java.util.LinkedHashSet<>(candidates)) + "); name the reference: "
                + "`--changed origin/main`" + (shallow ? ", and fetch it: " + fetchHint("origin/main") : ""));
    }

    private static ObjectId mergeBase(Repository repo, ObjectId head, ObjectId target) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(target));
            RevCommit base = walk.next();
            return base == null ? null : base.copy();
        }
    }

    private static Set<String> changedFiles(Repository repo, ObjectId base, String prefix) throws IOException {
        IndexDiff diff = new IndexDiff(repo, base, new FileTreeIterator(repo));
        diff.setIgnoreSubmoduleMode(SubmoduleWalk.IgnoreSubmoduleMode.ALL);
        if (!prefix.isEmpty()) {
            diff.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
        }
        diff.diff();
        Set<String> removed = new HashSet<>(diff.getRemoved());
        removed.addAll(diff.getMissing());
        Set<String> out = new TreeSet<>();
        for (Set<String> s : List.of(diff.getAdded(), diff.getChanged(), diff.getModified(), diff.getUntracked(),
                diff.getConflicting())) {
            for (String p : s) {
                if (p.startsWith(prefix) && !diff.getMissing().contains(p)) {
                    out.add(p.substring(prefix.length()));
                }
            }
        }
        return out;
    }

    /**
     * Writes the site as it was at the base commit into {@code dir} (an empty directory the caller
     * created): regular files only, symbolic links and submodules left out.
     */
    public void writeBaseSite(Path site, Path dir) {
        Path root = site.toAbsolutePath().normalize();
        try (Repository repo = new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader();
             TreeWalk tree = new TreeWalk(repo, reader)) {
            tree.addTree(walk.parseCommit(base).getTree());
            tree.setRecursive(true);
            if (!sitePrefix.isEmpty()) {
                tree.setFilter(PathFilter.create(sitePrefix.substring(0, sitePrefix.length() - 1)));
            }
            Path target = dir.toAbsolutePath().normalize();
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                String path = tree.getPathString();
                if (!path.startsWith(sitePrefix)) {
                    continue;
                }
                Path file = target.resolve(path.substring(sitePrefix.length())).normalize();
                if (!file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    reader.open(tree.getObjectId(0)).copyTo(out);
                }
            }
        } catch (IOException | RevWalkException e) {
            throw new ChangeScopeException("--changed: cannot read the base commit " + shortBase() + ": "
                    + e.getMessage());
        }
    }
}
