package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static final String CONFIG = "-- hindsight.yml --\ntitle: KB\n";

    private static final String VALID_RUNBOOK = CONFIG + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A");

    @Test
    void checkExitsZeroOnACleanSite() {
        SiteFixture.write(tmp, VALID_RUNBOOK);
        assertThat(run("check", "--source", tmp.toString(), "--reference-date", "2024-02-01")).isZero();
        assertThat(err.toString()).contains("hindsight: 1 document, 0 errors, 0 warnings");
    }

    @Test
    void checkExitsOneOnContentErrorsAndPrintsThem() {
        SiteFixture.write(tmp, CONFIG + """
                -- postmortems/x.md --
                ---
                title: [
                ---
                """);
        assertThat(run("check", "-s", tmp.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("postmortems/x.md:3:1: error[front-matter-yaml]: invalid YAML: ");
    }

    @Test
    void missingSourceIsExitTwo() {
        assertThat(run("check", "--source", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("error[setup]: source directory does not exist");
    }

    @Test
    void badConfigIsExitTwo() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: X\ncolour: blue\n");
        assertThat(run("check", "--source", tmp.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("hindsight.yml:2:1: error[config]: unknown key `colour`");
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(run("build", "--no-such-option")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("build").contains("check");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("hindsight ");
    }

    private static final String OVERDUE = """
            -- hindsight.yml --
            title: KB
            -- postmortems/x.md --
            ---
            title: X
            id: INC-1
            date: 2024-01-01
            status: draft
            severity: SEV-3
            services: [api]
            ---
            ## Action items
            | Action | Owner | Due | Status |
            |---|---|---|---|
            | Fix | sre | 2024-02-01 | open |
            """;

    @Test
    void jsonFormatHasFileLineColumnSeverityRuleMessage() throws Exception {
        SiteFixture.write(tmp, OVERDUE);
        assertThat(run("check", "-s", tmp.toString(), "--format", "json", "--reference-date", "2024-03-01")).isEqualTo(1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        var overdue = java.util.stream.StreamSupport.stream(json.get("diagnostics").spliterator(), false)
                .filter(d -> d.get("rule").asText().equals("action-item-overdue")).findFirst().orElseThrow();
        assertThat(overdue.toString()).isEqualTo("{\"file\":\"postmortems/x.md\",\"line\":12,\"column\":1,"
                + "\"severity\":\"warning\",\"rule\":\"action-item-overdue\","
                + "\"message\":\"action item \\\"Fix\\\" was due 2024-02-01 and is still open\","
                + "\"hint\":\"finish it and mark it done, or agree a new due date\"}");
    }

    @Test
    void referenceDateComesFromSourceDateEpochUnlessGiven() {
        SiteFixture.write(tmp, OVERDUE);
        // 2024-01-15T00:00:00Z: the item is not overdue yet.
        int code = Main.run(new String[] {"check", "-s", tmp.toString(), "--fail-on", "warning"},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                java.util.Map.of("SOURCE_DATE_EPOCH", "1705276800"));
        assertThat(out.toString()).doesNotContain("action-item-overdue");
        code = Main.run(new String[] {"check", "-s", tmp.toString(), "--fail-on", "warning"},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                java.util.Map.of("SOURCE_DATE_EPOCH", "1709251200"));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("postmortems/x.md:12:1: warning[action-item-overdue]");
    }

    @Test
    void withoutAPinnedDateTodayIsTheBuildsDateNotTheHeadCommits() throws Exception {
        // Committed the day before the item fell due: judged by HEAD's date it would be on time for ever.
        SiteFixture.write(tmp, OVERDUE);
        try (var repo = dev.hindsight.git.TestRepo.init(tmp)) {
            repo.commit("Ann", "2024-01-31T12:00:00Z", "add x");
        }
        int code = Main.run(new String[] {"check", "-s", tmp.toString(), "--fail-on", "warning"},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), java.util.Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("postmortems/x.md:12:1: warning[action-item-overdue]");
    }

    @Test
    void sarifFormat() {
        SiteFixture.write(tmp, OVERDUE);
        run("check", "-s", tmp.toString(), "--format", "sarif", "--reference-date", "2024-03-01");
        assertThat(out.toString()).contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"action-item-overdue\"");
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(run("check", "-s", tmp.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --format 'xml'");
    }

    @Test
    void schemaPrintsTheBuiltInSchemaWithTheSiteSeverities() {
        SiteFixture.write(tmp, "-- hindsight.yml --\nseverities: [P1, P2]\n");
        assertThat(run("schema", "postmortem", "-s", tmp.toString())).isZero();
        assertThat(out.toString()).contains("\"$id\" : \"https://hindsight.dev/schema/postmortem.schema.json\"")
                .contains("\"enum\" : [ \"P1\", \"P2\" ]");
        assertThat(run("schema", "-s", tmp.toString(), "-o", tmp.resolve("schemas").toString())).isZero();
        assertThat(tmp.resolve("schemas/runbook.schema.json")).exists();
    }

    @Test
    void buildWritesTheSite() {
        SiteFixture.write(tmp.resolve("src"), VALID_RUNBOOK);
        assertThat(run("build", "--source", tmp.resolve("src").toString(), "--output", tmp.resolve("out").toString()))
                .isZero();
        assertThat(tmp.resolve("out/index.html")).exists();
        assertThat(tmp.resolve("out/runbooks/a/index.html")).exists();
    }

    /** Runs {@code serve} with a bad address or port: it must be refused before anything is built. */
    private void assertServeRefused(String message, String... options) {
        SiteFixture.write(tmp, VALID_RUNBOOK);
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--source";
        args[2] = tmp.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        long t0 = System.nanoTime();
        assertThat(run(args)).as("exit code; err: %s", err).isEqualTo(2);
        assertThat(System.nanoTime() - t0).as("refused at once").isLessThan(java.time.Duration.ofSeconds(20).toNanos());
        assertThat(err.toString()).contains(message);
        assertThat(tmp.resolve(".hindsight/preview")).as("nothing built").doesNotExist();
    }

    @Test
    void serveRefusesANegativePortBeforeBuilding() {
        assertServeRefused("hindsight: port -1 is out of range: use 1 to 65535, or 0 for any free port", "--port", "-1");
    }

    @Test
    void serveRefusesAPortAbove65535BeforeBuilding() {
        assertServeRefused("hindsight: port 65536 is out of range: use 1 to 65535, or 0 for any free port",
                "--port", "65536");
    }

    @Test
    void serveRefusesAPortThatIsNotANumber() {
        assertServeRefused("Invalid value for option '--port': 'http' is not an int", "--port", "http");
    }

    @Test
    void serveRefusesAPortInUseBeforeBuilding() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertServeRefused("hindsight: cannot listen on 127.0.0.1:" + port + ": Address already in use; choose "
                    + "another port (0 picks a free one)", "--port", Integer.toString(port));
        }
    }

    @Test
    void serveRefusesAnUnresolvableBindAddressBeforeBuilding() {
        assertServeRefused("hindsight: cannot resolve the address to listen on, 'no-such-host.invalid'; give an "
                + "address of this machine, such as 127.0.0.1", "--port", "0", "--bind", "no-such-host.invalid");
    }

    @Test
    void serveRefusesAnAddressOfAnotherMachineBeforeBuilding() {
        // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never an address of this machine.
        assertServeRefused("hindsight: '203.0.113.7' (203.0.113.7) is not an address of this machine; the preview "
                + "can only listen on one of its own addresses, such as 127.0.0.1", "--port", "0", "--bind", "203.0.113.7");
    }

    @Test
    void serveRefusesAMalformedAllowedHost() {
        assertServeRefused("hindsight: allowed host 'http://kb.example/' is not a host name or address",
                "--port", "0", "--allow-host", "http://kb.example/");
    }
}
