package dev.hindsight.changed;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.build.SiteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code check --changed}: the diagnostics of the documents a branch changed, plus the findings its
 * changes caused in documents it did not touch.
 *
 * <p>The site is checked twice: as it is now, and as it was at the merge base (written into a
 * temporary directory from the Git objects). Every diagnostic in a changed file is reported. In an
 * unchanged file only the cross-document findings ({@link #CROSS_DOCUMENT}: a link to a deleted or
 * renamed document, a duplicate id, a runbook or service id that no longer exists, an alert now
 * claimed twice) that the base did not have are reported; its old problems are not. The exit code
 * follows the reported diagnostics alone.
 */
public final class ChangedCheck {

    /** Rules whose findings in one document can be caused by a change to another. */
    static final Set<String> CROSS_DOCUMENT = Set.of("broken-link", "broken-anchor", "duplicate-id",
            "duplicate-alert", "unknown-runbook", "unknown-service", "page-conflict");

    /** What a run reports, and what it compared with. */
    public record Outcome(BuildResult result, ChangeScope scope) {
    }

    public Outcome run(BuildOptions options, String ref, Map<String, String> environment) {
        ChangeScope scope = ChangeScope.resolve(options.source(), ref, environment);
        BuildResult now = new SiteBuilder().run(options.withOutput(null));
        if (now.setupFailed()) {
            return new Outcome(now, scope);
        }
        List<Diagnostic> before = baseDiagnostics(scope, options);
        List<Diagnostic> reported = select(now.diagnostics(), before, scope.changed());
        return new Outcome(new BuildResult(reported, now.documents(), 0, false), scope);
    }

    /** Pure: what {@code --changed} reports of {@code now}, given the base's diagnostics. */
    static List<Diagnostic> select(List<Diagnostic> now, List<Diagnostic> before, Set<String> changed) {
        Map<String, Integer> old = new HashMap<>();
        before.forEach(d -> old.merge(key(d), 1, Integer::sum));
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : now) {
            if (changed.contains(d.position().file())) {
                out.add(d);
            } else if (CROSS_DOCUMENT.contains(d.ruleId())) {
                Integer n = old.get(key(d));
                if (n == null || n == 0) {
                    out.add(d);
                } else {
                    old.put(key(d), n - 1);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String key(Diagnostic d) {
        return d.ruleId() + '\u0000' + d.position() + '\u0000' + d.message();
    }

    private static List<Diagnostic> baseDiagnostics(ChangeScope scope, BuildOptions options) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hindsight-base-");
            scope.writeBaseSite(options.source(), dir);
            BuildResult base = new SiteBuilder().run(new BuildOptions(dir, null, options.includeDrafts(),
                    options.baseUrl(), options.referenceDate()).withCacheDir(options.cacheDir()));
            return base.diagnostics();
        } catch (IOException e) {
            throw new UncheckedIOException("--changed: cannot write the base site to a temporary directory", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /** Deletes the temporary directory this class created (never follows links: they are not written). */
    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the run's result stands.
        }
    }
}
