package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CI examples the README points to run the build, publish the SARIF report and the site. */
class CiExamplesTest {

    private static final Path CI = Path.of("../example-site/ci");
    private static final String SARIF = "example-site/target/hindsight-reports/hindsight.sarif";
    private static final String SITE = "example-site/target/hindsight";
    private static final String CODE_QUALITY = "example-site/target/hindsight-reports/gl-code-quality-report.json";

    private static JsonNode yaml(String name) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(CI.resolve(name).toFile());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void theExampleSiteWritesTheReportTheWorkflowsUpload() throws IOException {
        String pom = Files.readString(Path.of("../example-site/pom.xml"));
        assertThat(pom).contains("<goal>check</goal>", "<goal>build</goal>", "<reportFormat>sarif</reportFormat>",
                "<reportFormat>gitlab</reportFormat>");
        assertThat(Reporting.fileName("gitlab")).isEqualTo(Path.of(CODE_QUALITY).getFileName().toString());
    }

    @Test
    void githubActionsVerifiesUploadsSarifAndPublishesPages() throws IOException {
        JsonNode workflow = yaml("github-actions.yml");
        assertThat(workflow.path("on").has("pull_request")).isTrue();

        JsonNode verify = workflow.at("/jobs/verify");
        assertThat(verify.at("/permissions/security-events").asText()).isEqualTo("write");
        List<JsonNode> steps = list(verify.path("steps"));
        assertThat(steps).anyMatch(s -> s.path("uses").asText().startsWith("actions/checkout@")
                && s.at("/with/fetch-depth").asInt(-1) == 0);
        assertThat(steps).anyMatch(s -> s.path("uses").asText().startsWith("actions/setup-java@")
                && s.at("/with/java-version").asText().equals("17"));
        assertThat(steps).anyMatch(s -> s.path("run").asText().equals("mvn -B verify"));
        assertThat(steps).anyMatch(s -> s.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")
                && s.at("/with/sarif_file").asText().equals(SARIF)
                && s.at("/with/category").asText().equals("hindsight")
                && s.path("if").asText().startsWith("always()"));
        assertThat(steps).anyMatch(s -> s.path("run").asText().equals(
                "java -jar generator/target/hindsight.jar check --source example-site --changed --format github")
                && s.path("if").asText().contains("github.event_name == 'pull_request'"));
        assertThat(steps).anyMatch(s -> s.path("uses").asText().startsWith("actions/upload-pages-artifact@")
                && s.at("/with/path").asText().equals(SITE + "/"));

        JsonNode deploy = workflow.at("/jobs/deploy");
        assertThat(deploy.path("needs").asText()).isEqualTo("verify");
        assertThat(deploy.at("/permissions/pages").asText()).isEqualTo("write");
        assertThat(deploy.at("/permissions/id-token").asText()).isEqualTo("write");
        assertThat(list(deploy.path("steps"))).anyMatch(s -> s.path("uses").asText().startsWith("actions/deploy-pages@"));
    }

    @Test
    void gitlabCiVerifiesKeepsTheReportAndPublishesPages() throws IOException {
        JsonNode ci = yaml("gitlab-ci.yml");
        assertThat(ci.at("/variables/GIT_DEPTH").asText()).isEqualTo("0");

        JsonNode check = ci.path("hindsight");
        assertThat(list(check.path("script"))).map(JsonNode::asText).contains("mvn -B verify");
        assertThat(check.at("/artifacts/when").asText()).isEqualTo("always");
        assertThat(check.at("/artifacts/reports/codequality").asText()).isEqualTo(CODE_QUALITY);
        assertThat(list(check.at("/artifacts/paths"))).map(JsonNode::asText).contains(SARIF, SITE + "/");

        JsonNode pages = ci.path("pages");
        assertThat(list(pages.path("needs"))).map(JsonNode::asText).containsExactly("hindsight");
        assertThat(list(pages.path("script"))).map(JsonNode::asText).contains("cp -r " + SITE + " public");
        assertThat(list(pages.at("/artifacts/paths"))).map(JsonNode::asText).containsExactly("public");
        assertThat(pages.at("/rules/0/if").asText()).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    }
}
