package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services.yml as a bare list, a `services:` list, a mapping, broken YAML, and bad ids. */
class ServiceCatalogShapesTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void site() throws Exception {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A")
                + "-- runbooks/b.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("B").replace("service: api",
                "service: web"));
        Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call().close();
    }

    private int check(String services) {
        SiteFixture.write(tmp, "-- services.yml --\n" + services);
        return Main.run(new String[] {"check", "-s", tmp.toString(), "--reference-date", "2024-02-01"},
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static final String NO_COMMIT = "hindsight.yml:1:1: info[git-unavailable]: the Git repository has no "
            + "commit yet; pages get no created or updated dates\n"
            + "  hint: without Git, pass --reference-date for the overdue and stale checks\n";

    private static final String HINT = "  hint: write `services:` followed by one `- id: …` entry per service "
            + "(name, owner, tier and description are optional), or just the list\n";

    @Test
    void aBareListIsACatalog() {
        assertThat(check("""
                # our services
                - id: api
                  name: API
                - web
                """)).isZero();
        assertThat(out.toString()).isEqualTo(NO_COMMIT);
    }

    @Test
    void aBareListIsCheckedWithItsOwnPositions() {
        assertThat(check("""
                - id: api
                  colour: blue
                """)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(NO_COMMIT
                + "runbooks/b.md:3:10: error[unknown-service]: unknown service `web`\n"
                + "  hint: add it to services.yml, or use one of: api\n"
                + "services.yml:2:3: error[service-catalog]: unknown key `colour`\n"
                + "  hint: known keys: description, id, name, owner, tier\n");
    }

    @Test
    void aServicesListIsACatalog() {
        assertThat(check("services:\n  - id: api\n  - id: web\n")).isZero();
        assertThat(out.toString()).isEqualTo(NO_COMMIT);
    }

    @Test
    void aMappingOfServicesIsOneErrorWithoutACascade() {
        assertThat(check("""
                api: {name: API}
                web: {name: Web}
                """)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(NO_COMMIT
                + "services.yml:1:1: error[service-catalog]: services.yml must hold a list of services, "
                + "not a mapping of them\n" + HINT);
    }

    @Test
    void aMappingUnderServicesIsOneErrorWithoutACascade() {
        assertThat(check("""
                services:
                  api: {name: API}
                """)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(NO_COMMIT
                + "services.yml:2:3: error[service-catalog]: `services` must be a list of services\n" + HINT);
    }

    @Test
    void unreadableYamlIsReportedOnceAsServicesYmlWithoutACascade() {
        assertThat(check("services:\n  - id: api\n  name: [\n")).isEqualTo(1);
        assertThat(out.toString()).startsWith(NO_COMMIT + "services.yml:3:")
                .contains(": error[service-catalog]: invalid YAML: ")
                .doesNotContain("front matter").doesNotContain("unknown-service");
        assertThat(out.toString().lines().filter(l -> l.contains("error["))).hasSize(1);
    }

    @Test
    void aPlainValueIsNotACatalog() {
        assertThat(check("just some text\n")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(NO_COMMIT
                + "services.yml:1:1: error[service-catalog]: services.yml must hold a list of services, found "
                + "plain text\n" + HINT);
    }

    @Test
    void numericEmptyAndCollidingIdsAreErrorsAtTheirPlace() {
        assertThat(check("""
                services:
                  - id: api
                  - id: web
                  - id: 42
                  - id: ""
                  - id: Payments
                  - id: payments
                  - id: a b
                  - id: a-b
                  - 7
                """)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(NO_COMMIT
                + "services.yml:4:9: error[service-catalog]: service id `42` must be text\n"
                + "  hint: quote it: `id: \"42\"`\n"
                + "services.yml:5:9: error[service-catalog]: service 4 has an empty id\n"
                + "services.yml:7:9: error[service-catalog]: service `payments` has the same page as `Payments` "
                + "(`services/payments`)\n"
                + "  hint: give each service its own id\n"
                + "services.yml:9:9: error[service-catalog]: service `a-b` has the same page as `a b` "
                + "(`services/a-b`)\n"
                + "  hint: give each service its own id\n"
                + "services.yml:10:5: error[service-catalog]: service id `7` must be text\n"
                + "  hint: quote it: `id: \"7\"`\n");
    }
}
