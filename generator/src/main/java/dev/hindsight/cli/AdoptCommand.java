package dev.hindsight.cli;

import dev.hindsight.api.AdoptResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = "Write a hindsight.yml that fits an existing Markdown collection (documents are never changed).")
final class AdoptCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = ".", paramLabel = "DIR", description = "The collection's folder.")
    Path dir;

    @Option(names = "--force", description = "Replace an existing hindsight.yml.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        AdoptResult r = parent.hindsight().adopt(dir, force);
        if (!r.refused().isEmpty()) {
            spec.commandLine().getErr().println("hindsight: " + r.refused());
            spec.commandLine().getErr().flush();
            return 2;
        }
        var out = spec.commandLine().getOut();
        r.reasons().forEach(line -> out.println("- " + line));
        r.written().forEach(f -> out.println("wrote " + dir.resolve(f)));
        if (!r.written().isEmpty()) {
            out.println();
            out.println("Next: hindsight check --source " + dir);
        }
        out.flush();
        return r.written().isEmpty() ? 1 : 0;
    }
}
