package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hindsight.SiteFixture;
import dev.hindsight.git.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's {@code .pre-commit-hooks.yaml}: a manifest pre-commit accepts, whose entries run. */
class PreCommitHooksTest {

    private static final Path MANIFEST = Path.of("../.pre-commit-hooks.yaml");

    @TempDir
    Path tmp;

    private static List<JsonNode> hooks() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
        assertThat(root.isArray()).as("the manifest is a list of hooks").isTrue();
        List<JsonNode> out = new ArrayList<>();
        root.forEach(out::add);
        return out;
    }

    @Test
    void isAManifestPreCommitAccepts() throws Exception {
        // pre-commit's MANIFEST_HOOK_DICT: id, name, entry and language are required.
        for (JsonNode hook : hooks()) {
            for (String key : List.of("id", "name", "entry", "language")) {
                assertThat(hook.path(key).asText()).as(key).isNotBlank();
            }
            assertThat(hook.path("language").asText()).isIn("system", "script");
            assertThat(hook.path("pass_filenames").asBoolean(true)).isFalse();
            assertThat(hook.path("entry").asText()).startsWith("hindsight check");
            Pattern files = Pattern.compile(hook.path("files").asText());
            assertThat(files.matcher("postmortems/2024-03-05-db.md").find()).isTrue();
            assertThat(files.matcher("hindsight.yml").find()).isTrue();
            assertThat(files.matcher("src/Main.java").find()).isFalse();
        }
        assertThat(hooks()).extracting(h -> h.path("id").asText())
                .containsExactly("hindsight-check", "hindsight-check-all");
    }

    @Test
    void theChangedHookReportsWhatTheCommitChangesOnly() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("kb/hindsight.yml", "title: Ops\n")
                    .write("kb/runbooks/api.md", SiteFixture.VALID_RUNBOOK.formatted("API"))
                    .write("kb/runbooks/old.md", "---\ntitle: Old\n---\nTODO\n")
                    .commit("Alice", "2024-01-10T10:00:00Z", "Knowledge base");
            repo.write("kb/runbooks/api.md", SiteFixture.VALID_RUNBOOK.formatted("API").replace("The API.",
                    "The API. TODO"));
            repo.git.add().addFilepattern("kb/runbooks/api.md").call();

            JsonNode hook = hooks().get(0);
            // What pre-commit runs: the entry, then the hook's args from .pre-commit-config.yaml.
            List<String> args = new ArrayList<>(Arrays.asList(hook.path("entry").asText().split(" ")));
            assertThat(args.remove(0)).isEqualTo("hindsight");
            args.addAll(List.of("--source", tmp.resolve("kb").toString(), "--reference-date", "2024-03-01"));
            StringWriter out = new StringWriter();
            int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()),
                    Map.of());

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString().lines().filter(l -> !l.startsWith("  hint:")))
                    .containsExactly("runbooks/api.md:8:10: error[placeholder]: placeholder TODO left in the document");
            Set<String> all = Set.of(hooks().get(1).path("entry").asText().split(" "));
            assertThat(all).doesNotContain("--changed");
        }
    }
}
