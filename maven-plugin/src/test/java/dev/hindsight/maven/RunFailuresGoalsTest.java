package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No configuration, no documents, and a run out of stack fail the Maven build, each with its own message. */
class RunFailuresGoalsTest {

    @TempDir
    Path tmp;

    final RecordingLog log = new RecordingLog();

    private <T extends AbstractHindsightMojo> T configure(T mojo, Path site) {
        mojo.setLog(log);
        mojo.environment = name -> null;
        Mojos.set(mojo, "siteDirectory", site.toFile());
        Mojos.set(mojo, "failOn", "error");
        Mojos.set(mojo, "referenceDate", "2026-03-01");
        Mojos.set(mojo, "reportsDirectory", tmp.resolve("reports").toFile());
        return mojo;
    }

    private BuildMojo build(Path site, Path output) {
        return Mojos.set(configure(new BuildMojo(), site), "outputDirectory", output.toFile());
    }

    @Test
    void noConfigurationFailsTheBuild() {
        Path site = tmp.resolve("site");
        Sites.write(site, "docs/a.md", "# A\n");

        assertThatThrownBy(() -> configure(new CheckMojo(), site).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("`<siteDirectory>` " + site + ": no hindsight.yml in " + site + ": this folder is not a "
                        + "Hindsight knowledge base; Markdown files here: docs/ (1); `hindsight adopt` writes a "
                        + "hindsight.yml that fits them (or map your folders to kinds yourself, such as `kinds: "
                        + "{postmortem: {folders: [docs]}}`); or point --source at the folder that holds hindsight.yml");
        assertThat(log.lines).first().asString().isEqualTo("[ERROR] " + site.resolve("hindsight.yml")
                + ":[1,1] [no-config] no hindsight.yml in " + site + ": this folder is not a Hindsight knowledge base");
    }

    @Test
    void noDocumentsFailsTheBuildAndPublishesNothing() {
        Path site = tmp.resolve("site");
        Sites.write(site, "hindsight.yml", "title: Test\n");
        Path output = tmp.resolve("out");

        assertThatThrownBy(() -> build(site, output).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("Hindsight found 1 error and 0 warnings in " + site);
        assertThat(log.lines).contains("[ERROR] " + site.resolve("hindsight.yml") + ":[1,1] [no-documents] no "
                + "documents recognized: no Markdown file is in a kind's folder (postmortems/, runbooks/) or has a "
                + "`type:`");
        assertThat(output).doesNotExist();
    }

    @Test
    void aTemplateThatCallsItselfIsOneMessage() {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        Sites.write(site, "templates/runbook.ftlh", "<#macro again n><@again n + 1/></#macro>\n<@again 0/>\n");

        assertThatThrownBy(() -> build(site, tmp.resolve("out")).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("`<siteDirectory>` " + site + ": ran out of stack while writing the site, in a template: "
                        + "one of the site's templates (templates/runbook.ftlh) most likely calls itself without end; "
                        + "look for a macro, function or #include that calls itself in templates/; if the templates "
                        + "are right, give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m (Maven: MAVEN_OPTS=-Xss16m)");
        assertThat(String.join("\n", log.lines)).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }
}
