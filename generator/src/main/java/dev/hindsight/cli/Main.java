package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hindsight} command. Exit codes: 0 ok, 1 content errors, 2 usage, config or I/O problems. */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Validate incident postmortems and runbooks, and build them into a static knowledge site.",
        subcommands = {BuildCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(new Hindsight()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("hindsight: " + ex.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    private final Hindsight hindsight;

    Main(Hindsight hindsight) {
        this.hindsight = hindsight;
    }

    Hindsight hindsight() {
        return hindsight;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hindsight " + Hindsight.version()};
        }
    }
}
