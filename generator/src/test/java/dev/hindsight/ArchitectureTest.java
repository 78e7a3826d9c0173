package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.hindsight.arch.FrontEnds;
import dev.hindsight.arch.PackageGraph;
import dev.hindsight.arch.StaticState;
import dev.hindsight.archfixture.layers.cli.UsesApi;
import dev.hindsight.archfixture.layers.cli.UsesFacade;
import dev.hindsight.archfixture.layers.cli.UsesInternals;
import dev.hindsight.archfixture.layers.low.Annotated;
import dev.hindsight.archfixture.layers.low.CatchesFailure;
import dev.hindsight.archfixture.layers.low.FullyQualified;
import dev.hindsight.archfixture.layers.low.GenericArgument;
import dev.hindsight.archfixture.layers.low.InLambda;
import dev.hindsight.archfixture.layers.low.InstanceOf;
import dev.hindsight.archfixture.layers.low.MethodReference;
import dev.hindsight.archfixture.state.ArrayConstant;
import dev.hindsight.archfixture.state.AtomicCounter;
import dev.hindsight.archfixture.state.Builder;
import dev.hindsight.archfixture.state.CollectedList;
import dev.hindsight.archfixture.state.EnumSetConstant;
import dev.hindsight.archfixture.state.EnumWithState;
import dev.hindsight.archfixture.state.FinalStatic;
import dev.hindsight.archfixture.state.Fine;
import dev.hindsight.archfixture.state.MutableHolder;
import dev.hindsight.archfixture.state.NestedHolder;
import dev.hindsight.archfixture.state.NewKeySet;
import dev.hindsight.archfixture.state.NonFinal;
import dev.hindsight.archfixture.state.QualifiedHashMap;
import dev.hindsight.archfixture.state.StaticBlock;
import dev.hindsight.archfixture.state.SynchronizedList;
import dev.hindsight.archfixture.state.ThreadLocalCache;
import dev.hindsight.archfixture.state.VolatileFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architecture of ARCHITECTURE.md, checked by ArchUnit on the compiled classes: the exact stage graph
 * (every use allowed, every allowance used), no cycles, thin front ends, and no static mutable state. Each
 * rule is also run on {@code dev.hindsight.archfixture}, code that breaks it on purpose in the ways a
 * source-text check missed, and must reject every one of them.
 */
class ArchitectureTest {

    /**
     * Which stages each stage may use, and uses: nothing here that the code does not need. A new use is a
     * design decision — change this table (and ARCHITECTURE.md) in the same commit.
     */
    static final Map<String, Set<String>> STAGES = Map.ofEntries(
            Map.entry("diag", Set.of("text")),
            Map.entry("api", Set.of("diag")),
            Map.entry("text", Set.of()),
            Map.entry("source", Set.of("diag")),
            Map.entry("config", Set.of("diag", "source")),
            Map.entry("git", Set.of("diag", "text")),
            Map.entry("highlight", Set.of()),
            Map.entry("markdown", Set.of("diag", "highlight")),
            Map.entry("model", Set.of("diag", "config", "source", "git", "markdown")),
            Map.entry("learning", Set.of("text", "config", "git", "markdown", "model")),
            Map.entry("alerting", Set.of("diag", "config", "source", "model")),
            Map.entry("validate", Set.of("diag", "config", "source", "markdown", "model", "learning", "alerting")),
            Map.entry("search", Set.of("markdown", "model")),
            Map.entry("render", Set.of("diag", "config", "git", "model", "text", "learning", "alerting")),
            Map.entry("publish", Set.of()),
            Map.entry("build", Set.of("api", "diag", "config", "source", "git", "markdown", "model", "validate", "publish",
                    "search", "render", "text", "alerting")),
            Map.entry("preview", Set.of("api", "diag", "build")),
            Map.entry("scaffold", Set.of("api", "text")),
            Map.entry("changed", Set.of("api", "diag", "build")),
            Map.entry("adopt", Set.of("api", "diag", "config", "markdown", "build", "source", "alerting")),
            Map.entry(PackageGraph.ROOT, Set.of("api", "diag", "config", "build", "validate", "source", "scaffold",
                    "changed", "adopt", "preview")),
            Map.entry("cli", Set.of("api", "diag", PackageGraph.ROOT)));

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hindsight");

    private static final String FIXTURE = "dev.hindsight.archfixture.layers";
    private static final Map<String, Set<String>> FIXTURE_STAGES = Map.of(
            "low", Set.of(), "high", Set.of("low"), "cli", Set.of(PackageGraph.ROOT), PackageGraph.ROOT, Set.of("high"));

    @Test
    void theCodeIsThere() {
        assertThat(PRODUCTION.contain(Hindsight.class)).isTrue();
        assertThat(PRODUCTION.size()).isGreaterThan(100);
        assertThat(PRODUCTION.stream().noneMatch(c -> c.getPackageName().startsWith("dev.hindsight.archfixture")))
                .as("test fixtures are not production code").isTrue();
    }

    @Test
    void stagesUseExactlyTheStagesTheTableAllows() {
        assertThat(PackageGraph.of(PRODUCTION, "dev.hindsight").differencesFrom(STAGES, true)).isEmpty();
    }

    @Test
    void theTableHasNoCycles() {
        assertThat(PackageGraph.cycleIn(STAGES)).isNull();
    }

    @Test
    void stagesHaveNoCycles() {
        SlicesRuleDefinition.slices().matching("dev.hindsight.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void noStaticMutableState() {
        StaticState.noStaticMutableState().check(PRODUCTION);
    }

    // --- the rules on code that breaks them on purpose ---

    @Test
    void everyWayOfUsingAStageIsSeen() {
        for (Class<?> evasion : List.of(FullyQualified.class, MethodReference.class, GenericArgument.class,
                Annotated.class, CatchesFailure.class, InLambda.class, InstanceOf.class)) {
            JavaClasses classes = new ClassFileImporter().importClasses(evasion);
            assertThat(PackageGraph.of(classes, FIXTURE).differencesFrom(FIXTURE_STAGES, false))
                    .as(evasion.getSimpleName()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("low may not use high: ");
        }
    }

    @Test
    void anUnusedAllowanceIsReported() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".high", FIXTURE + ".low");
        Map<String, Set<String>> loose = Map.of("low", Set.of("high"), "high", Set.of("low"));
        assertThat(PackageGraph.of(classes, FIXTURE).differencesFrom(loose, true))
                .contains("high is allowed to use low but does not: remove it from the table");
    }

    @Test
    void aCycleInTheTableIsReported() {
        assertThat(PackageGraph.cycleIn(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
                .isEqualTo("a -> b -> c -> a");
    }

    @Test
    void aFrontEndThatReachesPastTheFacadeIsRejected() {
        var rule = FrontEnds.useOnlyTheFacade(FIXTURE + ".cli..", FIXTURE, FIXTURE + ".api");
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(UsesInternals.class)).hasViolation()).isTrue();
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(UsesFacade.class)).hasViolation()).isFalse();
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(UsesApi.class)).hasViolation()).isFalse();
    }

    @Test
    void theCliUsesOnlyTheFacadeAndTheApi() {
        FrontEnds.hindsight("dev.hindsight.cli..").check(PRODUCTION);
    }

    @Test
    void theApiDoesNotDependOnTheFacade() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage(FrontEnds.API + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.hindsight").check(PRODUCTION);
    }

    @ParameterizedTest
    @ValueSource(classes = {FinalStatic.class, QualifiedHashMap.class, AtomicCounter.class, ArrayConstant.class,
            NewKeySet.class, NonFinal.class, VolatileFlag.class, NestedHolder.class, StaticBlock.class,
            CollectedList.class, SynchronizedList.class, Builder.class, ThreadLocalCache.class, MutableHolder.class,
            EnumSetConstant.class, EnumWithState.class})
    void staticStateInAnySpellingIsRejected(Class<?> evasion) {
        JavaClasses classes = new ClassFileImporter().importPackagesOf(evasion);
        EvaluationResult result = StaticState.noStaticMutableState()
                .evaluate(classes.that(DescribedPredicate.describe("in " + evasion.getSimpleName(),
                        c -> c.getName().startsWith(evasion.getName()))));
        assertThat(result.hasViolation()).as(evasion.getSimpleName()).isTrue();
    }

    @Test
    void constantsThatCannotChangeAreAccepted() {
        JavaClasses classes = new ClassFileImporter().importPackagesOf(Fine.class);
        EvaluationResult result = StaticState.noStaticMutableState()
                .evaluate(classes.that(DescribedPredicate.describe("in Fine",
                        c -> c.getName().startsWith(Fine.class.getName()))));
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }
}
