package dev.hindsight.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the front-matter JSON Schema of a document kind, or write every kind's schema",
                "to a folder (for editor autocompletion with a YAML language server)."})
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "postmortem, runbook or a site-defined kind.")
    String kind;

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR", description = "Site root.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write <kind>.schema.json files here.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Map<String, String> schemas = parent.hindsight().schemas(source);
        if (output != null) {
            Files.createDirectories(output);
            for (Map.Entry<String, String> e : schemas.entrySet()) {
                Files.writeString(output.resolve(e.getKey() + ".schema.json"), e.getValue(), StandardCharsets.UTF_8);
            }
            spec.commandLine().getErr().println("hindsight: wrote " + schemas.size() + " schemas to " + output);
            return 0;
        }
        String k = kind == null ? "postmortem" : kind;
        String schema = schemas.get(k);
        if (schema == null) {
            throw new IllegalArgumentException("unknown kind '" + k + "'; known: " + String.join(", ", schemas.keySet()));
        }
        spec.commandLine().getOut().print(schema);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
