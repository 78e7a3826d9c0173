package dev.hindsight.git;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Git history of a whole site, built by {@link GitHistoryBuilder} in one walk. Immutable; safe to
 * share between threads.
 *
 * <p>What the history means, in short:
 * <ul>
 *   <li>Commits are visited from HEAD in topological order, newest commit time first.</li>
 *   <li>Each commit is compared with its <em>first</em> parent only. A merge therefore counts for a
 *       file when it brought a change to that file into the first-parent line (as
 *       {@code git log --first-parent -m} would show it); the branch's own commits count as well.</li>
 *   <li>Renames inside the site root are followed (Git's rename detection, one commit at a time):
 *       the history of {@code b.md} renamed from {@code a.md} includes {@code a.md}'s earlier commits.
 *       A file moved into the site root from elsewhere in the repository starts a new history.</li>
 *   <li>When a path was deleted and later added again, its history starts with the new addition.</li>
 * </ul>
 */
public final class GitHistory {

    /** Info: the site is not in a Git repository (or one with no commits); pages get no dates. */
    public static final String RULE_UNAVAILABLE = "git-unavailable";
    /** Warning: a shallow clone; created dates and contributors are approximate. */
    public static final String RULE_SHALLOW = "git-shallow";
    /** Warning: the repository could not be read; the build goes on without history. */
    public static final String RULE_ERROR = "git-error";

    private static final GitHistory NONE = new GitHistory(false, "", null, null, false, Map.of(), 0);

    private final boolean available;
    private final String sitePrefix;
    private final String headId;
    private final OffsetDateTime headTime;
    private final boolean shallow;
    private final Map<String, FileHistory> files;
    private final int historyWalks;

    /** Submodules inside the site: their folder (site-relative, ending in "/") → their web address or "". */
    private final Map<String, String> submodules;
    /** The web address of the site's repository (from its {@code origin} remote), or "". */
    private final String webBase;

    GitHistory(boolean available, String sitePrefix, String headId, OffsetDateTime headTime, boolean shallow,
               Map<String, FileHistory> files, int historyWalks) {
        this(available, sitePrefix, headId, headTime, shallow, files, historyWalks, Map.of(), "");
    }

    GitHistory(boolean available, String sitePrefix, String headId, OffsetDateTime headTime, boolean shallow,
               Map<String, FileHistory> files, int historyWalks, Map<String, String> submodules, String webBase) {
        this.submodules = Map.copyOf(submodules);
        this.webBase = Objects.requireNonNull(webBase, "webBase");
        this.available = available;
        this.sitePrefix = Objects.requireNonNull(sitePrefix, "sitePrefix");
        this.headId = headId;
        this.headTime = headTime == null ? null : headTime.withOffsetSameInstant(ZoneOffset.UTC);
        this.shallow = shallow;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.historyWalks = historyWalks;
    }

    /** No repository: no history, no reference date. */
    public static GitHistory none() {
        return NONE;
    }

    /** Whether the site is inside a Git work tree. */
    public boolean available() {
        return available;
    }

    /** Whether the repository is a shallow clone, which makes every date and contributor list approximate. */
    public boolean shallow() {
        return shallow;
    }

    /** The full id of the HEAD commit; empty without a repository or before the first commit. */
    public Optional<String> headId() {
        return Optional.ofNullable(headId);
    }

    /** The committer time of HEAD in UTC: the build's reference for "today". */
    public Optional<OffsetDateTime> headTime() {
        return Optional.ofNullable(headTime);
    }

    /** The UTC date of {@link #headTime()}. */
    public Optional<LocalDate> headDate() {
        return headTime().map(OffsetDateTime::toLocalDate);
    }

    /**
     * Where the site root sits in the repository: {@code ""} at the top, else a path ending in {@code /}
     * such as {@code example-site/}.
     */
    public String sitePrefix() {
        return sitePrefix;
    }

    /**
     * The repository-relative path of a site-relative path (the site-relative path without a repository).
     * For a file in a Git submodule inside the site, its path in the submodule's own repository.
     */
    public String repositoryPath(String sitePath) {
        String submodule = submoduleOf(sitePath);
        return submodule != null ? sitePath.substring(submodule.length()) : sitePrefix + sitePath;
    }

    /**
     * The {@code repo.edit_url} pattern for the file at {@code sitePath}: {@code pattern} itself, or for a
     * file in a submodule the same pattern moved from this repository's web address to the submodule's
     * (both from their {@code origin} remotes). "" when that cannot be worked out: no link is better than
     * one into the wrong repository.
     */
    public String editPattern(String pattern, String sitePath) {
        String submodule = submoduleOf(sitePath);
        if (submodule == null || pattern.isEmpty()) {
            return pattern;
        }
        String target = submodules.get(submodule);
        if (webBase.isEmpty() || target.isEmpty() || !pattern.startsWith(webBase + "/")) {
            return "";
        }
        return target + pattern.substring(webBase.length());
    }

    private String submoduleOf(String sitePath) {
        for (String folder : submodules.keySet()) {
            if (sitePath.startsWith(folder)) {
                return folder;
            }
        }
        return null;
    }

    /**
     * The https address of a repository from its remote URL ({@code https://host/a/b.git},
     * {@code ssh://git@host/a/b.git}, {@code git@host:a/b.git}), or "" for anything else (a local path).
     */
    static String webAddress(String remote) {
        if (remote == null) {
            return "";
        }
        String r = remote.strip();
        String hostAndPath;
        java.util.regex.Matcher scp = java.util.regex.Pattern.compile("^[\\w.-]+@([\\w.-]+):(?!/)(.+)$").matcher(r);
        if (r.startsWith("https://") || r.startsWith("http://") || r.startsWith("ssh://")) {
            String rest = r.substring(r.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String host = rest.substring(0, slash).replaceFirst("^.*@", "");
            if (r.startsWith("ssh://")) {
                host = host.replaceFirst(":\\d+$", "");
            }
            hostAndPath = host + rest.substring(slash);
        } else if (scp.matches()) {
            hostAndPath = scp.group(1) + "/" + scp.group(2);
        } else {
            return "";
        }
        hostAndPath = hostAndPath.replaceFirst("/+$", "").replaceFirst("\\.git$", "");
        return hostAndPath.contains("/") ? "https://" + hostAndPath : "";
    }

    /**
     * The history of a file, by its path relative to the site root. Empty when there is no repository,
     * or when Git ignores the file; untracked and never-committed files are present and flagged.
     */
    public Optional<FileHistory> file(String sitePath) {
        return Optional.ofNullable(files.get(sitePath));
    }

    /** Every file Git knows under the site root (in HEAD, staged or untracked), sorted by path. */
    public Map<String, FileHistory> files() {
        return files;
    }

    /**
     * How many history walks (JGit {@code RevWalk}s over the commits) built this history: 1 with a
     * repository (plus one per checked-out submodule), 0 without, and 0 for the repository itself when its
     * committed history came from a {@link HistoryStore}. Exposed so that a test can hold the one-pass design
     * (and the cache) to its promise.
     */
    public int historyWalks() {
        return historyWalks;
    }

    @Override
    public String toString() {
        return available
                ? "GitHistory[" + files.size() + " files, head " + headId + (shallow ? ", shallow" : "") + "]"
                : "GitHistory[none]";
    }
}
