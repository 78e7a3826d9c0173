package dev.hindsight.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a working knowledge base (config, service catalog, a sample postmortem and runbook).")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = ".", paramLabel = "DIR", description = "Where to create it.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        LocalDate today = parent.today();
        List<String> files = parent.hindsight().init(dir, today);
        var out = spec.commandLine().getOut();
        files.forEach(f -> out.println("created " + dir.resolve(f)));
        out.println();
        out.println("Next: hindsight check --source " + dir);
        out.println("      hindsight new postmortem \"What happened\" --source " + dir + " --service web");
        out.flush();
        return 0;
    }
}
