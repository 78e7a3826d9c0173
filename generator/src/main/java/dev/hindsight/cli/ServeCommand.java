package dev.hindsight.cli;

import dev.hindsight.api.PreviewOptions;
import dev.hindsight.api.Preview;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview the site with live reload: rebuilds on every save, drafts included.",
                "Serves on http://127.0.0.1:4000/ until Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR", description = "Site root.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where the preview is built. Default: .hindsight/preview inside the site root.")
    Path output;

    @Option(names = {"-p", "--port"}, defaultValue = "4000", description = "Port (0 picks a free one). Default: 4000.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: 127.0.0.1 (this machine only).")
    String bind;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = {"Also answer requests for this host name (repeatable), for a deliberate remote preview.",
                    "Requests for other names than the bound address, localhost, 127.0.0.1 and [::1] are refused."})
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD", description = "\"Today\" for overdue and stale checks. Default: SOURCE_DATE_EPOCH, else the clock (UTC).")
    LocalDate referenceDate;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path out = output != null ? output : source.resolve(".hindsight/preview");
        PreviewOptions options = PreviewOptions.of(source, out).withPort(port).withHost(bind)
                .withAllowedHosts(allowHosts)
                .withReferenceDate(referenceDate != null ? referenceDate : parent.today());
        CountDownLatch stopped = new CountDownLatch(1);
        try (Preview server = parent.hindsight().preview(options, line -> {
            err.println("hindsight: " + line);
            err.flush();
        })) {
            InetSocketAddress at = server.start();
            err.println("hindsight: serving http://" + at.getHostString() + ":" + at.getPort() + "/ (Ctrl-C stops)");
            err.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
