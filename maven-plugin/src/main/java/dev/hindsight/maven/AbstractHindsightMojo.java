package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.StageTimings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What check, build and serve share: parameters, and one ending (all diagnostics, reports, then one failure). */
abstract class AbstractHindsightMojo extends AbstractMojo {

    /** The site root: the folder holding {@code hindsight.yml}, {@code postmortems/} and {@code runbooks/}. */
    @Parameter(property = "hindsight.siteDirectory", defaultValue = "${project.basedir}", required = true)
    private File siteDirectory;

    /**
     * "Today" for the overdue action-item and stale-runbook checks, {@code YYYY-MM-DD}. Default: the
     * environment's {@code SOURCE_DATE_EPOCH}, else the build's date (UTC), so a nightly rebuild of an
     * unchanged repository still flags what has gone stale. Pin it for reproducible output.
     */
    @Parameter(property = "hindsight.referenceDate")
    private String referenceDate;

    /**
     * The least severe diagnostic that fails the build: {@code error} or {@code warning}. The
     * {@code serve} goal prints diagnostics but never fails on content, so a broken page can be previewed.
     */
    @Parameter(property = "hindsight.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Machine-readable reports of the diagnostics to write into {@code reportsDirectory}: {@code sarif}
     * (file {@code hindsight.sarif}, SARIF 2.1.0 for code-scanning annotations), {@code json}
     * (file {@code hindsight.json}) and/or {@code gitlab} (file {@code gl-code-quality-report.json},
     * a GitLab Code Quality report for {@code artifacts:reports:codequality}). Written also when the
     * build fails. None by default.
     */
    @Parameter(property = "hindsight.reportFormats")
    private List<String> reportFormats;

    /** Where {@code reportFormats} are written. */
    @Parameter(property = "hindsight.reportsDirectory", defaultValue = "${project.build.directory}/hindsight-reports")
    private File reportsDirectory;

    /**
     * Whether to log, after the run, each stage's wall time (read, git, parse, validate, render, search, write),
     * the heap in use after it and the process's peak resident memory: {@code -Dhindsight.timings}.
     */
    @Parameter(property = "hindsight.timings", defaultValue = "false")
    private boolean timings;

    /**
     * Where parsed documents are cached between runs, keyed by their content, the configuration and the tool's
     * code (never stale; safe to delete, and to keep between CI runs).
     */
    @Parameter(property = "hindsight.cacheDir", defaultValue = "${project.build.directory}/hindsight-cache")
    private File cacheDir;

    /** Neither reads nor writes the cache: {@code -Dhindsight.skipCache}. */
    @Parameter(property = "hindsight.skipCache", defaultValue = "false")
    private boolean skipCache;

    /** Skips the goal: {@code -Dhindsight.skip}. */
    @Parameter(property = "hindsight.skip", defaultValue = "false")
    private boolean skip;

    /** Environment lookup; tests replace it so that no real {@code SOURCE_DATE_EPOCH} leaks in. */
    UnaryOperator<String> environment = System::getenv;

    /** This goal's options: {@code check} uses the shared ones, {@code build} adds its output. */
    BuildOptions options(BuildOptions shared) {
        return shared;
    }

    /** Called after a run that did not fail the build. */
    void afterRun(BuildResult result) throws MojoExecutionException {
    }

    /** Whether content diagnostics at or above {@code failOn} fail the build. */
    boolean failsOnContent() {
        return true;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Hindsight (hindsight.skip)");
            return;
        }
        Path site = siteDirectory.toPath().toAbsolutePath().normalize();
        Severity threshold = Settings.failOn(failOn);
        List<String> formats = Settings.reportFormats(reportFormats);
        BuildOptions options = options(BuildOptions.check(site)
                .withReferenceDate(Settings.today(referenceDate, environment.apply("SOURCE_DATE_EPOCH")))
                .withCacheDir(skipCache || cacheDir == null ? null : cacheDir.toPath().toAbsolutePath().normalize()));
        Settings.requireDirectory("siteDirectory", site);
        Hindsight hindsight = new Hindsight();
        StageTimings stageTimings = timings ? new StageTimings() : null;
        LogProgress progress = new LogProgress(getLog());
        options = options.withListener(stageTimings == null ? progress : progress.andThen(stageTimings));
        BuildResult result = options.output() == null ? hindsight.check(options) : hindsight.build(options);
        Reporting reporting = new Reporting(getLog(), site);
        reporting.print(result.diagnostics());
        reporting.writeReports(hindsight, result, formats, reportsDirectory.toPath());
        if (stageTimings != null) {
            getLog().info("Hindsight timings (git runs alongside read and parse, search alongside render):");
            stageTimings.table().lines().forEach(getLog()::info);
        }
        if (result.setupFailed()) {
            throw reporting.setupFailure(result, options.output());
        }
        if (failsOnContent() && result.exitCode(threshold) != BuildResult.EXIT_OK) {
            throw new MojoFailureException(reporting.summary(result, threshold));
        }
        getLog().info(reporting.summary(result, threshold));
        afterRun(result);
    }
}
