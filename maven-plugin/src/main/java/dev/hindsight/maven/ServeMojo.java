package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.api.PreviewOptions;
import dev.hindsight.api.Preview;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Live preview: builds the site (drafts included), serves it on {@code http://127.0.0.1:<port>/},
 * rebuilds on every save and reloads open pages; problems show in an overlay on the page. Runs until
 * Ctrl-C. The same as {@code hindsight serve}.
 */
@Mojo(name = "serve", requiresProject = false, threadSafe = true)
public class ServeMojo extends AbstractMojo {

    /** The site root: the folder holding {@code hindsight.yml}, {@code postmortems/} and {@code runbooks/}. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${basedir}", required = true)
    private File siteDirectory;

    /** Where the preview is built. */
    @Parameter(property = "hindsight.previewDirectory", defaultValue = "${project.build.directory}/hindsight-preview")
    private File outputDirectory;

    /** The port to listen on; 0 picks a free one. */
    @Parameter(property = "hindsight.port", defaultValue = "4000")
    private int port;

    /** The address to listen on. Anything but loopback makes the preview reachable from other machines. */
    @Parameter(property = "hindsight.bind", defaultValue = "127.0.0.1")
    private String bind;

    /**
     * Host names, besides the bound address and loopback, that requests may give as {@code Host}, for a
     * deliberate remote preview ({@code NAME} or {@code NAME:PORT}); the same as {@code --allow-host}.
     * On the command line: {@code -Dhindsight.allowHosts=kb-preview.internal,kb-preview}.
     */
    @Parameter(property = "hindsight.allowHosts")
    private List<String> allowHosts = new ArrayList<>();

    /** "Today" for overdue and stale checks, {@code YYYY-MM-DD}; default SOURCE_DATE_EPOCH, else the HEAD date. */
    @Parameter(property = "hindsight.referenceDate")
    private String referenceDate;

    /** Environment lookup; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public void execute() throws MojoExecutionException {
        Path site = siteDirectory.toPath().toAbsolutePath().normalize();
        Settings.requireDirectory("siteDirectory", site);
        PreviewOptions options = PreviewOptions.of(site, outputDirectory.toPath().toAbsolutePath().normalize())
                .withHost(bind)
                .withReferenceDate(Settings.today(referenceDate, environment.apply("SOURCE_DATE_EPOCH")));
        try {
            options = options.withPort(port);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("`<port>` " + port + ": " + e.getMessage(), e);
        }
        try {
            options = options.withAllowedHosts(allowHosts == null ? List.of() : allowHosts);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("`<allowHosts>`: " + e.getMessage(), e);
        }
        try (Preview server = new Hindsight().preview(options, getLog()::info)) {
            InetSocketAddress at = server.start();
            getLog().info("Serving " + site + " at http://" + at.getHostString() + ":" + at.getPort()
                    + "/ (press Ctrl-C to stop)");
            new CountDownLatch(1).await();
        } catch (IOException e) {
            throw new MojoExecutionException("`<port>` " + port + " on `<bind>` " + bind + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
