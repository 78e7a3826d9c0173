package dev.hindsight.maven;

import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the knowledge base like {@code check}, and writes the static site into
 * {@code outputDirectory}. The directory is replaced atomically, and only if Hindsight wrote it.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractHindsightMojo {

    /**
     * Where the site is written. It must not be, contain or lie inside {@code siteDirectory}, except
     * under its {@code target/}.
     */
    @Parameter(property = "hindsight.outputDirectory", defaultValue = "${project.build.directory}/hindsight",
            required = true)
    private File outputDirectory;

    /**
     * The URL the site is published at, such as {@code https://sre.example.com/kb/}; overrides
     * {@code base_url} in {@code hindsight.yml}. Pages link relatively, so it matters only for absolute
     * links (feed, sitemap).
     */
    @Parameter(property = "hindsight.baseUrl")
    private String baseUrl;

    /** Whether documents with {@code status: draft} are published too. They are always validated. */
    @Parameter(property = "hindsight.includeDrafts", defaultValue = "false")
    private boolean includeDrafts;

    @Override
    BuildOptions options(BuildOptions shared) {
        return shared.withOutput(outputDirectory()).withBaseUrl(baseUrl).withDrafts(includeDrafts);
    }

    @Override
    void afterRun(BuildResult result) throws MojoExecutionException {
        getLog().info("Hindsight wrote " + result.pages() + " pages to " + outputDirectory());
    }

    Path outputDirectory() {
        return outputDirectory.toPath().toAbsolutePath().normalize();
    }
}
