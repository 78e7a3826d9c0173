package dev.hindsight.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;

/**
 * "Thin front ends over the facade": a front end (the CLI, the Mojos) uses the facade and the API types only.
 * Shared with the Maven plugin's tests through generator's test-jar.
 */
public final class FrontEnds {

    /** Where Hindsight's API types live, beside the facade {@code dev.hindsight.Hindsight}. */
    public static final String API = "dev.hindsight.api";

    private FrontEnds() {
    }

    /**
     * Hindsight's rule for the front end in {@code frontEnd} (such as {@code dev.hindsight.cli..}): the facade,
     * the types of {@code dev.hindsight.api}, and the diagnostic value types {@code Diagnostic}, {@code Position}
     * and {@code Severity} of {@code diag} (a front end prints diagnostics; the collector and the formatters
     * stay behind the facade).
     */
    public static ArchRule hindsight(String frontEnd) {
        return useOnlyTheFacade(frontEnd, "dev.hindsight", API, Diagnostic.class, Position.class, Severity.class);
    }

    /**
     * The rule for the front end in {@code frontEnd} (a package pattern such as {@code dev.hindsight.cli..}):
     * of the classes under {@code base..} it may use only those right in {@code base} (the facade), those in
     * {@code api} (the API types beside it; null for none) and {@code alsoAllowed} (nested classes included).
     */
    public static ArchRule useOnlyTheFacade(String frontEnd, String base, String api, Class<?>... alsoAllowed) {
        String apiPattern = api == null ? base : api + "..";
        return noClasses().that().resideInAPackage(frontEnd)
                .should().dependOnClassesThat(resideInAPackage(base + "..")
                        .and(not(resideInAnyPackage(base, apiPattern, frontEnd)))
                        .and(not(belongToAnyOf(alsoAllowed))))
                .because("the CLI and the Mojos are thin: every behaviour lives behind the facade, once");
    }
}
