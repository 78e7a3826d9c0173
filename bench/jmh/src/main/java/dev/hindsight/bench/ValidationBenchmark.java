package dev.hindsight.bench;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.config.ValidationConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.GitHistoryBuilder;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.validate.Validator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The validation rules. The rule classes ({@code BlamelessLanguageRule}, {@code PlaceholderRule}, …)
 * are package-private, so this goes through the narrowest public API: {@link Validator#validate} on a
 * {@link KnowledgeBase} built in the setup, with a {@link SiteConfig} whose {@code rules:} switch off
 * every rule but the one measured (the same switch a site has in {@code hindsight.yml}).
 * <ul>
 *   <li>{@code oneRule}: one rule ({@code rule} parameter) over one document at a time — 200
 *       single-document knowledge bases, so no fork/join and no cross-document work: the cost of the
 *       rule on one document, plus {@code Validator}'s per-call overhead (a {@code Context}, a
 *       {@code Reporter}, the info line for the reference date is not emitted since it is set).</li>
 *   <li>{@code allRules}: all 24 rules over the whole 200-document knowledge base with its Git
 *       history, as {@code hindsight check} runs them (per-document rules in parallel on the common
 *       pool, so on 2 cores this is wall time, not CPU time).</li>
 * </ul>
 * One operation = one document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

    static final int DOCS = 200;

    private Corpus.Loaded site;
    private KnowledgeBase all;
    private Validator allValidator;

    @Setup
    public void setup() {
        site = Corpus.load(Corpus.site(DOCS));
        if (site.documents().size() != DOCS) {
            throw new IllegalStateException("expected " + DOCS + " documents, read " + site.documents().size());
        }
        Diagnostics diagnostics = new Diagnostics();
        GitHistory git = new GitHistoryBuilder(site.root(), diagnostics).call();
        all = new KnowledgeBase(site.documents(), git, Corpus.REFERENCE_DATE, site.config().git().freshnessFallback());
        allValidator = Validator.forSite(site.config(), site.root(), diagnostics);
        allValidator.validate(all, site.services(), Corpus.REFERENCE_DATE, diagnostics);
        Corpus.requireClean(diagnostics.sorted(), "validating the corpus");
    }

    /** The rule measured by {@code oneRule}, with its own config and single-document knowledge bases. */
    @State(Scope.Benchmark)
    public static class OneRule {

        @Param({"blameless-language", "placeholder", "required-section"})
        public String rule;

        SiteConfig config;
        Validator validator;
        KnowledgeBase[] single;

        @Setup
        public void setup(ValidationBenchmark b) {
            Diagnostics diagnostics = new Diagnostics();
            if (!Validator.ruleIds().contains(rule)) {
                throw new IllegalArgumentException("unknown rule " + rule + "; known: " + Validator.ruleIds());
            }
            Set<String> off = Validator.ruleIds().stream().filter(r -> !r.equals(rule)).collect(Collectors.toSet());
            config = onlyRule(b.site.config(), off);
            validator = Validator.forSite(config, b.site.root(), diagnostics);
            List<Document> docs = b.site.documents();
            single = new KnowledgeBase[docs.size()];
            for (int i = 0; i < single.length; i++) {
                single[i] = new KnowledgeBase(List.of(docs.get(i)), GitHistory.none(), Corpus.REFERENCE_DATE, true);
                validator.validate(single[i], b.site.services(), Corpus.REFERENCE_DATE, diagnostics);
            }
            Corpus.requireClean(diagnostics.sorted(), "rule " + rule + " on the corpus");
        }

        private static SiteConfig onlyRule(SiteConfig c, Set<String> disabled) {
            ValidationConfig v = c.validation();
            ValidationConfig only = new ValidationConfig(v.severities(), v.ruleSeverities(), disabled, v.blameless(),
                    v.flagMentions(), v.minimumWhys(), v.reviewInterval(), v.testedWithin());
            return new SiteConfig(c.title(), c.description(), c.baseUrl(), c.editUrl(), c.commitUrl(), c.ticketUrl(),
                    c.kinds(), only, c.git(), c.limits());
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void oneRule(OneRule r, Blackhole bh) {
        for (KnowledgeBase kb : r.single) {
            Diagnostics diagnostics = new Diagnostics();
            r.validator.validate(kb, site.services(), Corpus.REFERENCE_DATE, diagnostics);
            bh.consume(diagnostics);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public Diagnostics allRules() {
        Diagnostics diagnostics = new Diagnostics();
        allValidator.validate(all, site.services(), Corpus.REFERENCE_DATE, diagnostics);
        return diagnostics;
    }
}
