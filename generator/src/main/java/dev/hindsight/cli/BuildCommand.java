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

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Validate the knowledge base and write the static site.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR",
            description = "Site root (holds hindsight.yml). Default: the current directory.")
    Path source;

    @Option(names = {"-o", "--output"}, defaultValue = "_site", paramLabel = "DIR",
            description = "Where to write the site. Replaced atomically; default: _site.")
    Path output;

    @Option(names = "--drafts", description = "Build drafts as pages too.")
    boolean drafts;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url from hindsight.yml.")
    String baseUrl;

    @Override
    public Integer call() {
        BuildResult result = parent.hindsight().build(BuildOptions.build(source, output).withDrafts(drafts).withBaseUrl(baseUrl));
        String done = result.pages() > 0 ? "; wrote " + result.pages() + " pages to " + output : "";
        Reporting.print(result, Severity.INFO, spec.commandLine().getOut(), spec.commandLine().getErr(), done);
        return result.exitCode(Severity.ERROR);
    }
}
