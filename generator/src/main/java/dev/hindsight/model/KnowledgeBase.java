package dev.hindsight.model;

import dev.hindsight.git.FileHistory;
import dev.hindsight.git.GitHistory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole site: every document sorted by source path, with lookups by id and source path, the Git
 * history of its files and the build's reference date ("today" for overdue and stale checks).
 * Immutable once built.
 */
public final class KnowledgeBase {

    private final List<Document> documents;
    private final Map<String, Document> byPath;
    private final Map<String, Document> byId;
    private final GitHistory git;
    private final LocalDate referenceDate;
    private final boolean gitFreshnessFallback;

    /** Documents without Git history or reference date. */
    public KnowledgeBase(List<Document> documents) {
        this(documents, GitHistory.none(), null, true);
    }

    /**
     * @param git                  the history of the site's files ({@link GitHistory#none()} without Git)
     * @param referenceDate        "today" for date checks: the requested date, else HEAD's commit date;
     *                             null when neither is known
     * @param gitFreshnessFallback whether a runbook without {@code last_reviewed} counts its last Git
     *                             update as a review ({@code git.freshness_fallback})
     */
    public KnowledgeBase(List<Document> documents, GitHistory git, LocalDate referenceDate,
                         boolean gitFreshnessFallback) {
        this.git = Objects.requireNonNull(git, "git");
        this.referenceDate = referenceDate;
        this.gitFreshnessFallback = gitFreshnessFallback;
        List<Document> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(d -> d.meta().sourcePath()));
        this.documents = List.copyOf(sorted);
        Map<String, Document> paths = new LinkedHashMap<>();
        Map<String, Document> ids = new LinkedHashMap<>();
        for (Document d : this.documents) {
            paths.put(d.meta().sourcePath(), d);
            ids.putIfAbsent(d.id(), d);
        }
        this.byPath = Map.copyOf(paths);
        this.byId = Map.copyOf(ids);
    }

    public List<Document> documents() {
        return documents;
    }

    public Optional<Document> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Document> byPath(String sourcePath) {
        return Optional.ofNullable(byPath.get(sourcePath));
    }

    public List<Postmortem> postmortems() {
        return documents.stream().filter(Postmortem.class::isInstance).map(Postmortem.class::cast).toList();
    }

    public List<Runbook> runbooks() {
        return documents.stream().filter(Runbook.class::isInstance).map(Runbook.class::cast).toList();
    }

    /** A copy without the documents {@code keep} rejects (drafts, for a build without them). */
    public KnowledgeBase filter(java.util.function.Predicate<Document> keep) {
        return new KnowledgeBase(documents.stream().filter(keep).toList(), git, referenceDate,
                gitFreshnessFallback);
    }

    /** A copy with each document replaced by {@code f}'s answer for it (same source paths expected). */
    public KnowledgeBase map(java.util.function.UnaryOperator<Document> f) {
        return new KnowledgeBase(documents.stream().map(f).toList(), git, referenceDate, gitFreshnessFallback);
    }

    /** The Git history of the site ({@link GitHistory#none()} when the site is not in a repository). */
    public GitHistory git() {
        return git;
    }

    /** What Git knows about a document's source file; empty without a repository or for an ignored file. */
    public Optional<FileHistory> history(Document d) {
        return git.file(d.meta().sourcePath());
    }

    /**
     * "Today" for overdue and stale checks: the requested reference date, else the UTC date of the
     * HEAD commit. Empty when neither is known (no repository and no {@code --reference-date}): date
     * checks should then be skipped rather than fall back on the wall clock.
     */
    public Optional<LocalDate> referenceDate() {
        return Optional.ofNullable(referenceDate);
    }

    /**
     * When the runbook was last reviewed: its {@code last_reviewed}, else (with
     * {@code git.freshness_fallback}, the default) the UTC date of the last commit that changed it.
     * Uncommitted edits do not count; an untracked runbook has no date. In a shallow clone that does not
     * reach the last change, the boundary date when that alone makes the runbook stale, else none.
     */
    public Optional<LocalDate> effectiveLastReviewed(Runbook runbook) {
        if (!datedByGit(runbook, gitFreshnessFallback)) {
            return Optional.ofNullable(runbook.lastReviewed());
        }
        Optional<FileHistory> h = history(runbook);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (h.get().lastUpdated() != null) {
            return Optional.of(h.get().lastUpdated().toLocalDate());
        }
        // A shallow clone that stops before the last change: it happened at or before the boundary.
        // That is enough to call the runbook stale when even the boundary is a whole interval old;
        // otherwise the date is unknown (never "fresh" for want of history).
        OffsetDateTime atMost = h.get().truncatedAt();
        if (atMost != null && referenceDate != null
                && atMost.toLocalDate().plus(runbook.reviewEvery()).isBefore(referenceDate)) {
            return Optional.of(atMost.toLocalDate());
        }
        return Optional.empty();
    }

    /**
     * Whether {@code d} is a runbook whose review date {@link #effectiveLastReviewed} takes from its file's Git
     * history: one without a (valid) {@code last_reviewed} while {@code gitFreshnessFallback} is on. No check reads a
     * file's history for anything else, so a check walks the history only when some document is such a runbook.
     */
    public static boolean datedByGit(Document d, boolean gitFreshnessFallback) {
        return gitFreshnessFallback && d instanceof Runbook r && r.lastReviewed() == null;
    }

    /**
     * Whether {@link #effectiveLastReviewed} is only the latest date the runbook can have last changed:
     * no {@code last_reviewed}, and a shallow clone that stops before its last change.
     */
    public boolean lastReviewedIsUpperBound(Runbook runbook) {
        return runbook.lastReviewed() == null
                && history(runbook).map(h -> h.lastUpdated() == null && h.truncatedAt() != null).orElse(false);
    }

    /** {@link #effectiveLastReviewed} plus the runbook's {@code review_every}. */
    public Optional<LocalDate> effectiveReviewDue(Runbook runbook) {
        return effectiveLastReviewed(runbook).map(d -> d.plus(runbook.reviewEvery()));
    }
}
