package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.api.AdoptResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a {@code hindsight.yml} that fits the existing Markdown collection in {@code siteDirectory}
 * ({@code mvn hindsight:adopt}), and prints what it decided and why. Never overwrites an existing one
 * without {@code -Dhindsight.force}; never changes a document. The same as {@code hindsight adopt}.
 */
@Mojo(name = "adopt", requiresProject = false, threadSafe = true)
public class AdoptMojo extends AbstractMojo {

    /** The collection's folder. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${basedir}", required = true)
    private File siteDirectory;

    /** Replace an existing {@code hindsight.yml}. */
    @Parameter(property = "hindsight.force", defaultValue = "false")
    private boolean force;

    @Override
    public void execute() throws MojoExecutionException {
        Path site = siteDirectory.toPath().toAbsolutePath().normalize();
        Settings.requireDirectory("siteDirectory", site);
        AdoptResult r;
        try {
            r = new Hindsight().adopt(site, force);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot adopt " + site + ": " + e.getMessage(), e);
        }
        if (!r.refused().isEmpty()) {
            throw new MojoExecutionException(r.refused());
        }
        r.reasons().forEach(line -> getLog().info("- " + line));
        if (r.written().isEmpty()) {
            throw new MojoExecutionException("nothing written: no folder of " + site
                    + " looks like postmortems or runbooks");
        }
        r.written().forEach(f -> getLog().info("wrote " + site.resolve(f)));
    }
}
