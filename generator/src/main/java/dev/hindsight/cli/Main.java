package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hindsight} command. Exit codes: 0 ok, 1 content errors, 2 usage, config or I/O problems. */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Validate incident postmortems and runbooks, and build them into a static knowledge site.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, InitCommand.class, NewCommand.class, AdoptCommand.class,
                SchemaCommand.class, RulesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                ProgressMode.stderrIsTerminal()));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Map.of());
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, false);
    }

    /**
     * As above; {@code errIsTerminal} says whether {@code err} writes to a terminal, where a check or build
     * shows its progress as one line redrawn in place ({@link ProgressMode}).
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                   boolean errIsTerminal) {
        CommandLine cli = new CommandLine(new Main(new Hindsight(), environment, errIsTerminal));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("hindsight: " + ex.getMessage());
            return 2;
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // check and build report this as a diagnostic; this is the net for everything else (serve, …).
            err.println(exhausted(e));
            err.flush();
            return 2;
        }
    }

    /** One line for running out of stack or memory outside a check or build. */
    static String exhausted(VirtualMachineError e) {
        return e instanceof StackOverflowError
                ? "hindsight: ran out of stack (a template in templates/ that calls itself without end?); "
                        + "if the templates are right, give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m"
                : "hindsight: ran out of memory; give Java more: HINDSIGHT_JAVA_OPTS=-Xmx4g "
                        + "(or java -Xmx4g -jar hindsight.jar)";
    }

    private final Hindsight hindsight;
    private final Map<String, String> environment;

    private final boolean errIsTerminal;

    Main(Hindsight hindsight, Map<String, String> environment, boolean errIsTerminal) {
        this.hindsight = hindsight;
        this.environment = Map.copyOf(environment);
        this.errIsTerminal = errIsTerminal;
    }

    /** How a check or build run with {@code quiet} shows its progress on stderr. */
    ProgressMode progressMode(boolean quiet) {
        return ProgressMode.of(quiet, errIsTerminal, environment);
    }

    String environment(String name) {
        return environment.get(name);
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * Today: SOURCE_DATE_EPOCH when set (tests, reproducible runs), else the UTC calendar date. The one
     * place the command line reads the clock; check, build and serve pass it down as the reference date
     * unless --reference-date pins it, and new and init date new documents with it.
     */
    java.time.LocalDate today() {
        java.time.LocalDate fixed = Hindsight.referenceDateFromEpoch(environment("SOURCE_DATE_EPOCH"));
        return fixed != null ? fixed : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
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
