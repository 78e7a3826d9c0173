package dev.hindsight;

import dev.hindsight.site.BuildOptions;
import dev.hindsight.site.BuildResult;
import dev.hindsight.site.SiteBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one entry point for the CLI, the preview server and the Maven plugin: check a knowledge base,
 * or build its site.
 */
public final class Hindsight {

    /** Reads and validates the site without writing anything. */
    public BuildResult check(BuildOptions options) {
        return new SiteBuilder().run(options.withOutput(null));
    }

    /** Reads, validates and writes the site to {@code options.output()}. */
    public BuildResult build(BuildOptions options) {
        if (options.output() == null) {
            throw new IllegalArgumentException("build needs an output directory");
        }
        return new SiteBuilder().run(options);
    }

    /** The version this jar was built as. */
    public static String version() {
        try (InputStream in = Hindsight.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
