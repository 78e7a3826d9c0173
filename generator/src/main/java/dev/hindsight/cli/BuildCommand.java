package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.StageTimings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Validate the knowledge base and write the static site.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--output"}, defaultValue = "_site", paramLabel = "DIR",
            description = "Where to write the site. Replaced atomically; default: _site.")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url from hindsight.yml.")
    String baseUrl;

    @Override
    public Integer call() {
        common.checkFormat();
        Hindsight.refusedUrlScheme(baseUrl).ifPresent(scheme -> {
            throw new IllegalArgumentException("--base-url must be an http:// or https:// address, not `"
                    + scheme + ":`");
        });
        BuildOptions options = BuildOptions.build(common.source, output).withDrafts(common.drafts)
                .withBaseUrl(baseUrl)
                .withReferenceDate(common.referenceDate(parent.environment("SOURCE_DATE_EPOCH"), parent.today()));
        BuildOptions cached = common.withCache(options);
        StageTimings timings = common.timings ? new StageTimings() : null;
        BuildResult result = ProgressDisplay.showing(parent.progressMode(common.quiet), timings,
                spec.commandLine().getErr(), listener -> parent.hindsight().build(cached.withListener(listener)));
        String done = result.pages() > 0 ? "; wrote " + result.pages() + " pages to " + output : "";
        Reporting.print(parent.hindsight(), result, common.format, common.source, spec.commandLine().getOut(),
                spec.commandLine().getErr(), done);
        ProgressDisplay.printTimings(timings, spec.commandLine().getErr());
        return result.exitCode(Severity.ERROR);
    }
}
