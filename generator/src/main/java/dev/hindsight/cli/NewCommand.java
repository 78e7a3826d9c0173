package dev.hindsight.cli;

import dev.hindsight.api.NewDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start a new document from its kind's template, prefilled.",
                "Postmortems get the next free incident id and a dated file name."})
final class NewCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "postmortem, runbook or a site-defined kind.")
    String kind;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The document's title.")
    String title;

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR", description = "Site root.")
    Path source;

    @Option(names = "--service", defaultValue = "", paramLabel = "ID", description = "The service it is about.")
    String service;

    @Option(names = "--severity", defaultValue = "", paramLabel = "SEV", description = "Postmortem severity.")
    String severity;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The incident's date. Default: today (UTC).")
    LocalDate date;

    @Override
    public Integer call() throws IOException {
        LocalDate day = date != null ? date : parent.today();
        String file = parent.hindsight().newDocument(source,
                new NewDocument(kind, title, service, severity, day));
        spec.commandLine().getOut().println("created " + source.resolve(file));
        spec.commandLine().getOut().println("Fill in every TODO, then: hindsight check --source " + source);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
