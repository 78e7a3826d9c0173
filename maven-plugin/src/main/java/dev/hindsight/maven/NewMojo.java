package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.api.NewDocument;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new document from its kind's template (the site's {@code archetypes/<kind>.md}, else the
 * built-in one), prefilled: {@code mvn hindsight:new -Dhindsight.title="Checkout outage"
 * -Dhindsight.service=checkout}. A postmortem gets the next free incident id and the file
 * {@code postmortems/YYYY-MM-DD-<slug>.md}. Never overwrites a file. The same as {@code hindsight new}.
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends AbstractMojo {

    /** {@code postmortem}, {@code runbook} or a kind defined in {@code hindsight.yml}. */
    @Parameter(property = "hindsight.kind", defaultValue = "postmortem", required = true)
    private String kind;

    /** The document's title; the file name is made from it. */
    @Parameter(property = "hindsight.title", required = true)
    private String title;

    /** The id of the service the document is about. */
    @Parameter(property = "hindsight.service", defaultValue = "")
    private String service;

    /** A postmortem's severity, such as {@code SEV-2}. */
    @Parameter(property = "hindsight.severity", defaultValue = "")
    private String severity;

    /** The site root the file is written under. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${basedir}", required = true)
    private File siteDirectory;

    /** The document's date, {@code YYYY-MM-DD}. When unset: {@code SOURCE_DATE_EPOCH}, else today (UTC). */
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
        NewDocument doc = new NewDocument(kind, title, service == null ? "" : service,
                severity == null ? "" : severity, date != null ? date : LocalDate.now(clock));
        try {
            String file = new Hindsight().newDocument(site, doc);
            getLog().info("Wrote " + site.resolve(file) + "; fill in every TODO, then run hindsight:check");
        } catch (FileAlreadyExistsException e) {
            throw new MojoExecutionException(e.getFile() + " already exists; choose another `<title>` or edit it");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("`<" + (e.getMessage().startsWith("unknown kind") ? "kind" : "title")
                    + ">`: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write under `<siteDirectory>` " + site + ": " + e.getMessage(), e);
        }
    }
}
