package dev.hindsight.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceTest {

    private static Sample runbook(String path, String... headings) {
        return new Sample(path, Map.of("title", "T"), path.substring(path.lastIndexOf('/') + 1).replace(".md", ""),
                List.of(headings));
    }

    @Test
    void alertRunbooksInComponentFoldersOfAHugoSite() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            s.add(runbook("content/runbooks/node/NodeDisk" + i + "Full.md", "Meaning", "Impact", "Diagnosis",
                    "Mitigation"));
        }
        s.add(runbook("content/runbooks/etcd/EtcdNoLeader.md", "Meaning", "Impact"));
        s.add(new Sample("content/runbooks/_index.md", Map.of("title", "x"), null, List.of()));
        s.add(new Sample("content/docs/add.md", Map.of("title", "How to add"), null, List.of("Steps")));
        Plan p = Inference.infer(Layout.HUGO, s);
        assertThat(p.exclude()).containsExactly("**/_index.md");
        assertThat(p.kinds()).singleElement().satisfies(k -> {
            assertThat(k.base()).isEqualTo("runbook");
            assertThat(k.folders()).containsExactly("content/runbooks");
            assertThat(k.documents()).isEqualTo(10);
            assertThat(k.sections()).containsExactly("Meaning", "Impact", "Diagnosis", "Mitigation");
            assertThat(k.alertsFrom()).isEqualTo("filename");
            assertThat(k.serviceFrom()).isEqualTo("folder");
            assertThat(k.requiredFields()).containsExactly("title");
            assertThat(k.idFrom()).isNull();
        });
        assertThat(p.reasons()).contains("content/docs/ (1 files): neither postmortems nor runbooks by their keys, "
                + "headings or folder name; not read");
    }

    @Test
    void foreignPostmortemKeysAreMapped() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s.add(new Sample("data/" + i + ".md", Map.of("title", "T" + i, "start_time", "2020-01-0" + (i + 1)
                    + "T00:00:00Z", "end_time", "2020-01-0" + (i + 1) + "T01:00:00Z", "keywords", "dns", "url",
                    "https://x.example/" + i, "company", "Acme"), null, List.of()));
        }
        s.add(new Sample("testdata/0.md", Map.of("start_time", "x"), null, List.of()));
        Plan p = Inference.infer(Layout.PLAIN, s);
        assertThat(p.kinds()).singleElement().satisfies(k -> {
            assertThat(k.base()).isEqualTo("postmortem");
            assertThat(k.folders()).containsExactly("data");
            assertThat(k.fields()).containsEntry("date", List.of("start_time")).containsEntry("started",
                    List.of("start_time")).containsEntry("resolved", List.of("end_time"))
                    .containsEntry("tags", List.of("keywords")).containsEntry("source_url", List.of("url"));
            assertThat(k.show()).containsExactly("company");
            assertThat(k.sections()).isEmpty();
        });
        assertThat(p.reasons()).contains("not read: test material (testdata/)");
        String yml = ConfigText.render(p, "Incidents");
        assertThat(yml).contains("include:\n  - \"data/**/*.md\"\n").contains("    folders: [\"data\"]\n")
                .contains("      started: \"start_time\"\n");
        dev.hindsight.diag.Diagnostics d = new dev.hindsight.diag.Diagnostics();
        new dev.hindsight.config.ConfigParser(new dev.hindsight.source.YamlReader()).parse(yml, d);
        assertThat(d.sorted()).as("what adopt writes is a valid hindsight.yml").isEmpty();
    }
}
