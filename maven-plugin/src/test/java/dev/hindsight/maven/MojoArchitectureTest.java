package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hindsight.arch.FrontEnds;
import dev.hindsight.arch.StaticState;
import org.junit.jupiter.api.Test;

/**
 * The Mojos are a front end like the CLI: they use only the facade {@code dev.hindsight.Hindsight}, the API
 * types and the diagnostic value types, and hold no static mutable state. The rules are generator's
 * ({@code dev.hindsight.arch}, from its test-jar), the same that {@code ArchitectureTest} proves on fixtures.
 */
class MojoArchitectureTest {

    private static final JavaClasses MOJOS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hindsight.maven");

    @Test
    void theMojosAreThere() {
        assertThat(MOJOS.contain(CheckMojo.class)).isTrue();
        assertThat(MOJOS.contain(ServeMojo.class)).isTrue();
        assertThat(MOJOS.stream().allMatch(c -> c.getPackageName().equals("dev.hindsight.maven")))
                .as("only the plugin's own classes are scanned").isTrue();
    }

    @Test
    void theMojosUseOnlyTheFacadeAndTheApi() {
        FrontEnds.hindsight("dev.hindsight.maven..").check(MOJOS);
    }

    @Test
    void theMojosHoldNoStaticMutableState() {
        StaticState.noStaticMutableState().check(MOJOS);
    }
}
