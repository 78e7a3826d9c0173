package dev.hindsight.maven;

import dev.hindsight.site.BuildResult;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Preview: builds the site into {@code outputDirectory} once, then serves it read-only on
 * {@code http://127.0.0.1:<port>/} until Ctrl-C. Content problems are printed but do not stop the
 * preview. This is the interim preview: it does not watch files; rerun it after an edit. The
 * generator's live-reload preview server will replace it.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends BuildMojo {

    /** The local port to listen on (loopback only). 0 picks a free one. */
    @Parameter(property = "hindsight.port", defaultValue = "4000")
    private int port;

    @Override
    boolean failsOnContent() {
        return false;
    }

    @Override
    void afterRun(BuildResult result) throws MojoExecutionException {
        super.afterRun(result);
        PreviewServer server;
        try {
            server = PreviewServer.start(outputDirectory(), port);
        } catch (IOException e) {
            throw new MojoExecutionException("`<port>` " + port + ": cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
        Thread stop = new Thread(server::close, "hindsight-preview-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        getLog().info("Serving " + outputDirectory() + " at " + server.address() + " (press Ctrl-C to stop)");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }
}
