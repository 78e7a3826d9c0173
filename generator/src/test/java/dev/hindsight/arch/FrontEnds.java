package dev.hindsight.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** "Thin front ends over the facade": a front end (the CLI, the Mojos) uses the facade and the API types only. */
public final class FrontEnds {

    private FrontEnds() {
    }

    /**
     * The rule for the front end in {@code frontEnd} (a package pattern such as {@code dev.hindsight.cli..}):
     * of the classes under {@code base..} it may use only those right in {@code base} (the facade and the API
     * types beside it) and {@code alsoAllowed} (nested classes included).
     */
    public static ArchRule useOnlyTheFacade(String frontEnd, String base, Class<?>... alsoAllowed) {
        return noClasses().that().resideInAPackage(frontEnd)
                .should().dependOnClassesThat(resideInAPackage(base + "..")
                        .and(not(resideInAnyPackage(base, frontEnd)))
                        .and(not(belongToAnyOf(alsoAllowed))))
                .because("the CLI and the Mojos are thin: every behaviour lives behind the facade, once");
    }
}
