package dev.hindsight.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a new postmortem ({@code postmortems/YYYY-MM-DD-<slug>.md}) or runbook
 * ({@code runbooks/<service>.md}) from a small built-in template, for example
 * {@code mvn hindsight:new -Dhindsight.title="Checkout outage" -Dhindsight.service=checkout}.
 * Never overwrites a file. Interim: richer {@code init}/{@code new} scaffolding will replace it.
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends AbstractMojo {

    /** {@code postmortem} or {@code runbook}. */
    @Parameter(property = "hindsight.kind", defaultValue = "postmortem", required = true)
    private String kind;

    /** The document's title; a postmortem's file name is made from it. */
    @Parameter(property = "hindsight.title", required = true)
    private String title;

    /** The id of the service affected (postmortem) or described (runbook; also its file name). */
    @Parameter(property = "hindsight.service", required = true)
    private String service;

    /** The site root the file is written under. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${basedir}", required = true)
    private File siteDirectory;

    /**
     * The postmortem's date, {@code YYYY-MM-DD}. When unset: {@code SOURCE_DATE_EPOCH}, else today (UTC).
     */
    @Parameter(property = "hindsight.referenceDate")
    private String referenceDate;

    /** Environment lookup and clock; tests replace them. */
    UnaryOperator<String> environment = System::getenv;
    Clock clock = Clock.systemUTC();

    @Override
    public void execute() throws MojoExecutionException {
        Path site = siteDirectory.toPath().toAbsolutePath().normalize();
        Settings.requireDirectory("siteDirectory", site);
        LocalDate date = Settings.referenceDate(referenceDate, environment.apply("SOURCE_DATE_EPOCH"));
        NewDocument doc;
        try {
            doc = NewDocument.of(kind, title, service, date != null ? date : LocalDate.now(clock));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Path file = site.resolve(doc.path());
        if (Files.exists(file)) {
            throw new MojoExecutionException(file + " already exists; choose another `<title>` or edit it");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, doc.content(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + file);
    }
}
