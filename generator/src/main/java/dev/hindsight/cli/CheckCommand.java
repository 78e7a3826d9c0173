package dev.hindsight.cli;

import dev.hindsight.diag.Severity;
import dev.hindsight.site.BuildOptions;
import dev.hindsight.site.BuildResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate every document and print file:line:col diagnostics. Writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR",
            description = "Site root (holds hindsight.yml). Default: the current directory.")
    Path source;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Exit 1 when a diagnostic of this severity or worse exists: error or warning.")
    String failOn;

    @Option(names = "--drafts", description = "Check drafts as well.")
    boolean drafts;

    @Override
    public Integer call() {
        Severity fail = Severity.parse(failOn);
        BuildResult result = parent.hindsight().check(BuildOptions.check(source).withDrafts(drafts));
        Reporting.print(result, Severity.INFO, spec.commandLine().getOut(), spec.commandLine().getErr(), "");
        return result.exitCode(fail == null ? Severity.ERROR : fail);
    }
}
