package dev.hindsight.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authoring path a new user takes: init, check, new, fill in, check. */
class InitAndNewTest {

    /** 2026-03-10T00:00:00Z, so that "today" is fixed. */
    private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1773100800");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ENV);
    }

    private List<String> lines() {
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank() && !l.startsWith("  hint"))
                .filter(l -> !l.contains("git-unavailable")).toList();
    }

    @Test
    void aFreshKnowledgeBasePassesCheckAtOnce() {
        Path kb = tmp.resolve("kb");
        assertThat(run("init", kb.toString())).isZero();
        assertThat(kb.resolve("hindsight.yml")).exists();
        assertThat(kb.resolve("services.yml")).exists();
        assertThat(kb.resolve(".gitignore")).exists();
        assertThat(kb.resolve("postmortems/2026-03-10-expired-certificate.md")).exists();
        assertThat(kb.resolve("runbooks/web.md")).exists();

        assertThat(run("check", "--source", kb.toString(), "--fail-on", "warning")).isZero();
        assertThat(lines()).isEmpty();
        assertThat(run("init", kb.toString())).isEqualTo(2);
    }

    @Test
    void newDocumentsReportTheirPlaceholdersWithPositions() {
        Path kb = tmp.resolve("kb");
        run("init", kb.toString());

        assertThat(run("new", "postmortem", "Checkout outage: card payments failed", "--source", kb.toString(),
                "--service", "web", "--severity", "SEV-2", "--date", "2026-03-11")).isZero();
        Path pm = kb.resolve("postmortems/2026-03-11-checkout-outage-card-payments-failed.md");
        assertThat(pm).exists();
        String text = SiteFixture.read(pm);
        assertThat(text).startsWith("---\ntitle: \"Checkout outage: card payments failed\"\nid: INC-2026-002\n"
                + "date: 2026-03-11\nstatus: draft\nseverity: SEV-2\nservices: [web]\n");

        assertThat(run("new", "runbook", "Database", "--source", kb.toString(), "--service", "database")).isZero();
        assertThat(kb.resolve("runbooks/database.md")).exists();

        assertThat(run("check", "--source", kb.toString())).isZero();
        List<String> warnings = lines();
        assertThat(warnings).contains(
                "postmortems/2026-03-11-checkout-outage-card-payments-failed.md:9:11: warning[placeholder]: placeholder TODO left in the document",
                "postmortems/2026-03-11-checkout-outage-card-payments-failed.md:22:1: warning[placeholder]: placeholder TODO left in the document",
                "runbooks/database.md:5:8: warning[placeholder]: placeholder TODO left in the document");
        assertThat(warnings).allMatch(l -> l.contains("warning[placeholder]"));

        // Publishing with placeholders left is an error.
        SiteFixture.write(kb, "-- runbooks/database.md --\n" + SiteFixture.read(kb.resolve("runbooks/database.md"))
                .replace("status: draft", "status: published"));
        assertThat(run("check", "--source", kb.toString())).isEqualTo(1);
        assertThat(lines()).contains("runbooks/database.md:5:8: error[placeholder]: placeholder TODO left in the document");
    }

    @Test
    void aSitesArchetypeOverridesTheBuiltInTemplate() {
        Path kb = tmp.resolve("kb");
        run("init", kb.toString());
        SiteFixture.write(kb, "-- archetypes/runbook.md --\n---\ntitle: {{title}}\nservice: {{service}}\n---\nOurs.\n");
        assertThat(run("new", "runbook", "Cache", "--source", kb.toString(), "--service", "cache")).isZero();
        assertThat(kb.resolve("runbooks/cache.md")).hasContent("---\ntitle: Cache\nservice: cache\n---\nOurs.");
    }

    @Test
    void nextIncidentIdCountsPerYear() throws Exception {
        SiteFixture.write(tmp, """
                -- postmortems/a.md --
                ---
                id: INC-2026-007
                ---
                -- postmortems/b.md --
                ---
                id: "INC-2025-031"
                ---
                """);
        assertThat(Scaffolder.nextIncidentId(tmp.resolve("postmortems"), 2026)).isEqualTo("INC-2026-008");
        assertThat(Scaffolder.nextIncidentId(tmp.resolve("postmortems"), 2027)).isEqualTo("INC-2027-001");
    }
}
