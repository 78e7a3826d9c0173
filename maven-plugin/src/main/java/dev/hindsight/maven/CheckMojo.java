package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import dev.hindsight.site.BuildOptions;
import dev.hindsight.site.BuildResult;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the knowledge base and fails the build on errors. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The site root: the folder holding {@code hindsight.yml}, {@code postmortems/} and {@code runbooks/}. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${project.basedir}")
    private File siteDirectory;

    /** Skips the goal. */
    @Parameter(property = "hindsight.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Hindsight check");
            return;
        }
        if (!siteDirectory.isDirectory()) {
            throw new MojoExecutionException("<siteDirectory> " + siteDirectory + " does not exist");
        }
        BuildResult result = new Hindsight().check(BuildOptions.check(siteDirectory.toPath()));
        for (Diagnostic d : result.diagnostics()) {
            String line = new File(siteDirectory, d.position().file()).getAbsolutePath() + ":["
                    + d.position().displayLine() + "," + d.position().displayColumn() + "] [" + d.ruleId() + "] "
                    + d.message();
            switch (d.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
        if (result.exitCode(Severity.ERROR) != 0) {
            throw new MojoFailureException("Hindsight found " + result.count(Severity.ERROR) + " error(s) in "
                    + siteDirectory);
        }
    }
}
