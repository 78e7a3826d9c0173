package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hindsight} command. Exit codes: 0 ok, 1 content errors, 2 usage, config or I/O problems. */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Validate incident postmortems and runbooks, and build them into a static knowledge site.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. picocli reads a command's annotations when it is
     * registered (about 50 ms for all of them on a cold JVM), so a run naming one registers only that one
     * ({@link #commandsFor}).
     */
    enum Subcommand {
        BUILD("build"), CHECK("check"), SERVE("serve"), INIT("init"), NEW("new"), ADOPT("adopt"), SCHEMA("schema"),
        RULES("rules"), HELP("help");

        final String command;

        Subcommand(String command) {
            this.command = command;
        }

        /** A new instance of the command's class: only the command run is ever loaded. */
        Object create() {
            return switch (this) {
                case BUILD -> new BuildCommand();
                case CHECK -> new CheckCommand();
                case SERVE -> new ServeCommand();
                case INIT -> new InitCommand();
                case NEW -> new NewCommand();
                case ADOPT -> new AdoptCommand();
                case SCHEMA -> new SchemaCommand();
                case RULES -> new RulesCommand();
                case HELP -> new CommandLine.HelpCommand();
            };
        }
    }

    /**
     * The subcommands to register for {@code args}: only the one the first argument that is not an option names,
     * else all of them (no command, {@code help}, or a name to suggest a correction for).
     */
    static java.util.List<Subcommand> commandsFor(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            for (Subcommand s : Subcommand.values()) {
                if (s != Subcommand.HELP && s.command.equals(arg)) {
                    return java.util.List.of(s);
                }
            }
            break;
        }
        return java.util.List.of(Subcommand.values());
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        if (BatchHeap.appliesTo(commandsFor(args))) {
            // This process is the run's own JVM, a one-shot check or build: its heap (issue 18) and its JIT.
            BatchHeap.tune();
            BatchCompiler.keepC2Out(environment);
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), environment,
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
        for (Subcommand sub : commandsFor(args)) {
            cli.addSubcommand(sub.create());
        }
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
