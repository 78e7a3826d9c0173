package dev.hindsight.cli;

import dev.hindsight.api.ChangedResult;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.StageTimings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate every document and print file:line:col diagnostics. Writes nothing but its cache.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Exit 1 when a diagnostic of this severity or worse exists: error or warning.")
    String failOn;

    @Option(names = "--changed", arity = "0..1", fallbackValue = "", paramLabel = "REF",
            description = "Report only documents changed since the merge base of HEAD and REF (default: the "
                    + "default branch), plus findings those changes caused elsewhere.")
    String changed;

    @Override
    public Integer call() {
        common.checkFormat();
        Severity fail = Severity.parse(failOn);
        if (fail == null || fail == Severity.INFO) {
            throw new IllegalArgumentException("--fail-on takes error or warning");
        }
        BuildOptions options = common.withCache(BuildOptions.check(common.source).withDrafts(common.drafts)
                .withReferenceDate(common.referenceDate(parent.environment("SOURCE_DATE_EPOCH"), parent.today())));
        BuildResult result;
        String done = "";
        StageTimings timings = common.timings ? new StageTimings() : null;
        ProgressMode mode = parent.progressMode(common.quiet);
        var err = spec.commandLine().getErr();
        if (changed != null) {
            ChangedResult outcome = ProgressDisplay.showing(mode, timings, err, listener ->
                    parent.hindsight().checkChanged(options.withListener(listener), changed, parent.environment()));
            result = outcome.result();
            done = " in what changed since " + outcome.base() + " (merge base with "
                    + outcome.reference() + ", " + outcome.changed().size() + " file"
                    + (outcome.changed().size() == 1 ? "" : "s") + " changed)";
        } else {
            result = ProgressDisplay.showing(mode, timings, err,
                    listener -> parent.hindsight().check(options.withListener(listener)));
        }
        Reporting.print(parent.hindsight(), result, common.format, common.source, spec.commandLine().getOut(),
                err, done);
        ProgressDisplay.printTimings(timings, err);
        if (common.format.equals("github")) {
            StepSummary.append(parent.environment(StepSummary.VARIABLE),
                    parent.hindsight().githubSummary(result, common.source));
        }
        return result.exitCode(fail);
    }
}
