package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.GitHistoryBuilder;
import dev.hindsight.git.TestRepo;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseGitTest {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();
    private List<Document> docs;
    private GitHistory history;

    @BeforeEach
    void site() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("runbooks/never-reviewed.md", "---\ntitle: Never reviewed\n---\n# Overview\n")
                    .write("runbooks/reviewed.md", "---\ntitle: Reviewed\nlast_reviewed: 2024-01-01\n---\n")
                    .commit("Alice", "2024-02-10T23:30:00Z", "Runbooks");
            repo.write("runbooks/new.md", "---\ntitle: New\n---\n");
        }
        history = new GitHistoryBuilder(tmp, diagnostics).call();
        SiteSource source = new SiteSource(tmp, new YamlReader());
        DocumentFactory factory = new DocumentFactory(SiteConfig.defaults());
        MarkdownParser markdown = new MarkdownParser();
        docs = source.scan(java.util.Set.of(), diagnostics).stream().map(p -> {
            SourceDocument src = source.load(p, diagnostics);
            KindConfig kind = factory.kindOf(src, diagnostics).orElseThrow();
            return factory.create(src, kind, markdown.parse(src.file().body(), src.file().bodyLine()), diagnostics);
        }).toList();
    }

    private Runbook runbook(KnowledgeBase kb, String id) {
        return (Runbook) kb.byId(id).orElseThrow();
    }

    @Test
    void lastReviewedFallsBackOnTheLastCommitDay() {
        KnowledgeBase kb = new KnowledgeBase(docs, history, LocalDate.of(2024, 6, 1), true);

        assertThat(kb.effectiveLastReviewed(runbook(kb, "never-reviewed"))).contains(LocalDate.of(2024, 2, 10));
        assertThat(kb.effectiveReviewDue(runbook(kb, "never-reviewed"))).contains(LocalDate.of(2024, 5, 10));
        assertThat(kb.effectiveLastReviewed(runbook(kb, "reviewed"))).contains(LocalDate.of(2024, 1, 1));
        assertThat(kb.effectiveLastReviewed(runbook(kb, "new"))).isEmpty();
        assertThat(kb.history(runbook(kb, "new")).orElseThrow().untracked()).isTrue();
        assertThat(kb.referenceDate()).contains(LocalDate.of(2024, 6, 1));
    }

    @Test
    void fallbackCanBeTurnedOff() {
        KnowledgeBase kb = new KnowledgeBase(docs, history, null, false);

        assertThat(kb.effectiveLastReviewed(runbook(kb, "never-reviewed"))).isEmpty();
        assertThat(kb.effectiveLastReviewed(runbook(kb, "reviewed"))).contains(LocalDate.of(2024, 1, 1));
        assertThat(kb.referenceDate()).isEmpty();
    }

    @Test
    void filterKeepsHistoryAndReferenceDate() {
        KnowledgeBase kb = new KnowledgeBase(docs, history, LocalDate.of(2024, 6, 1), true)
                .filter(d -> !d.id().equals("new"));

        assertThat(kb.documents()).hasSize(2);
        assertThat(kb.git()).isSameAs(history);
        assertThat(kb.referenceDate()).contains(LocalDate.of(2024, 6, 1));
        assertThat(kb.effectiveLastReviewed(runbook(kb, "never-reviewed"))).contains(LocalDate.of(2024, 2, 10));
    }

    @Test
    void withoutGitThereIsNoHistory() {
        KnowledgeBase kb = new KnowledgeBase(docs);

        assertThat(kb.git()).isSameAs(GitHistory.none());
        assertThat(kb.history(runbook(kb, "reviewed"))).isEmpty();
        assertThat(kb.effectiveLastReviewed(runbook(kb, "never-reviewed"))).isEmpty();
        assertThat(kb.referenceDate()).isEmpty();
    }
}
