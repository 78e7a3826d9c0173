package dev.hindsight.preview;

import dev.hindsight.api.PreviewOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.JsonFormatter;
import dev.hindsight.diag.TextFormatter;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.Preview;
import dev.hindsight.build.PreviewSession;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code hindsight serve}: builds the site (drafts included), serves it on loopback with the JDK
 * HTTP server, watches the source and rebuilds after each burst of saves, and tells open pages to
 * reload (Server-Sent Events). A build with problems shows them in an overlay; a build that could
 * not be published (a template error) leaves the last good site in place.
 */
public final class PreviewServer implements Preview {

    static final String EVENTS = "/__hindsight/events";
    static final String LIVE_JS = "/__hindsight/live.js";
    private static final String SCRIPT_TAG = "<script src=\"" + LIVE_JS + "\"></script>";

    private final PreviewOptions options;
    private final Consumer<String> log;
    /** How long {@link #close()} waits for a rebuild under way to end. */
    private static final int CLOSE_WAIT_SECONDS = 30;
    private final StaticFiles files;
    private final LiveReload live = new LiveReload();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hindsight-rebuild"));
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(r -> daemon(r, "hindsight-http"));
    private final AtomicLong builds = new AtomicLong();
    private final WatchedTree tree;
    private HttpServer server;
    private volatile HostCheck hostCheck;
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;
    private volatile BuildResult lastResult;
    private final PreviewSession session;
    private final java.util.Set<Path> changes = new java.util.LinkedHashSet<>();

    public PreviewServer(PreviewOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.files = new StaticFiles(options.output());
        this.tree = new WatchedTree(options.source(), options.output());
        this.session = new PreviewSession(BuildOptions.build(options.source(), options.output()).withDrafts(true)
                .withReferenceDate(options.referenceDate()));
    }

    /**
     * Checks the address and takes the port, builds once, then starts serving and watching. Returns the
     * address actually bound. An address that is not one of this machine's, or a port in use, fails
     * here, before the build.
     */
    @Override
    public InetSocketAddress start() throws IOException {
        InetAddress address = listenAddress(options.host());
        try {
            server = HttpServer.create(new InetSocketAddress(address, options.port()), 64);
        } catch (BindException e) {
            throw new BindException("cannot listen on " + HostCheck.literal(address) + ":" + options.port() + ": "
                    + e.getMessage() + "; choose another port (0 picks a free one)");
        }
        int port = server.getAddress().getPort();
        hostCheck = HostCheck.of(options.host(), address, port, options.allowedHosts());
        keepOutOfGit(tree.source(), tree.output());
        rebuild();
        if (!address.isLoopbackAddress()) {
            log.accept("warning: serving on " + options.host() + ", reachable from other machines; "
                    + "the preview is meant for 127.0.0.1");
        }
        server.setExecutor(httpThreads);
        server.createContext("/", this::handle);
        server.start();
        watcher = DirectoryWatcher.builder()
                .path(tree.source())
                .fileHashing(false)
                .fileTreeVisitor(tree.watchedFolders())
                .listener(event -> {
                    if (event.path() != null && relevant(event.path())) {
                        schedule(event.path());
                    }
                })
                .build();
        watcher.watchAsync(Executors.newSingleThreadExecutor(r -> daemon(r, "hindsight-watch")));
        scheduler.scheduleAtFixedRate(live::ping, 15, 15, TimeUnit.SECONDS);
        return server.getAddress();
    }

    /** The result of the last build (for tests and the CLI's status line). */
    public BuildResult lastResult() {
        return lastResult;
    }

    public long buildCount() {
        return builds.get();
    }

    /** How long the last build took, from the first file read to the last page written. */
    public long lastBuildMillis() {
        return lastMillis;
    }

    private volatile long lastMillis;

    /** Whether a change at {@code path} can change the site: see {@link WatchedTree#relevant}. */
    boolean relevant(Path path) {
        return tree.relevant(path);
    }

    /** Debounce: a burst of saves gives one rebuild, after {@code debounceMillis} of quiet. */
    synchronized void schedule(Path changed) {
        synchronized (changes) {
            changes.add(changed);
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::rebuildQuietly, options.debounceMillis(), TimeUnit.MILLISECONDS);
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The session turns running out of stack or memory into a diagnostic; this is the last net
            // that keeps the scheduler thread (and so the server) alive.
            log.accept("rebuild failed: " + e);
        }
    }

    private void rebuild() {
        List<Path> changed;
        synchronized (changes) {
            changed = List.copyOf(changes);
            changes.clear();
        }
        long n = builds.incrementAndGet();
        // Pages reload as soon as they are written; the diagnostics (validation) follow, unless a newer
        // save is already waiting: its update checks the site instead.
        PreviewSession.Update update = session.update(changed, () -> live.reload(n), this::changesWaiting);
        BuildResult result = update.result();
        lastMillis = update.publishMillis();
        if (!update.checked()) {
            log.accept("updated " + update.rendered() + " pages in " + update.publishMillis()
                    + " ms; newer changes are waiting, so they will be checked with those");
            return;
        }
        lastResult = result;
        live.diagnostics(diagnosticsJson(result.diagnostics()));
        if (!result.setupFailed()) {
            log.accept((update.full() ? "built " : "updated ") + update.rendered() + " pages in "
                    + update.publishMillis() + " ms, checked in " + update.millis() + " ms ("
                    + result.count(dev.hindsight.diag.Severity.ERROR) + " errors, "
                    + result.count(dev.hindsight.diag.Severity.WARNING) + " warnings)");
        } else {
            log.accept("build failed in " + update.millis() + " ms; the last good site stays:\n"
                    + new TextFormatter().format(result.diagnostics()).strip());
        }
    }

    private boolean changesWaiting() {
        synchronized (changes) {
            return !changes.isEmpty();
        }
    }

    /** The diagnostics array of the JSON format: what the overlay lists. */
    private static String diagnosticsJson(List<Diagnostic> diagnostics) {
        String json = new JsonFormatter().format(diagnostics);
        int start = json.indexOf("\"diagnostics\"");
        int open = json.indexOf('[', start);
        int close = json.lastIndexOf(']');
        return json.substring(open, close + 1).replace("\n", " ");
    }

    /**
     * The address to listen on: {@code host} resolved, and refused unless it is loopback, the wildcard
     * address or an address of one of this machine's network interfaces.
     */
    static InetAddress listenAddress(String host) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("cannot resolve the address to listen on, '" + host
                    + "'; give an address of this machine, such as 127.0.0.1");
        }
        if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()
                && NetworkInterface.getByInetAddress(address) == null) {
            throw new BindException("'" + host + "' (" + address.getHostAddress() + ") is not an address of this "
                    + "machine; the preview can only listen on one of its own addresses, such as 127.0.0.1");
        }
        return address;
    }

    /**
     * Keeps the preview out of Git when it is built in its default place, {@code .hindsight/<name>}
     * inside the site root: writes {@code .hindsight/.gitignore} (unless there is one) ignoring the
     * preview, the directories of its swap and itself, so that {@code git status} stays clean whatever
     * the repository's own {@code .gitignore} says. Anything else in {@code .hindsight/} (such as JSON
     * schemas) is left to the repository.
     */
    static void keepOutOfGit(Path source, Path output) throws IOException {
        Path folder = output.getParent();
        String name = output.getFileName().toString();
        if (folder == null || !folder.equals(source.resolve(".hindsight")) || !name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
            return;
        }
        Path ignore = folder.resolve(".gitignore");
        if (Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(folder);
        try {
            Files.writeString(ignore, "# Written by `hindsight serve`: the preview is rebuilt on every save and never "
                    + "committed.\n/.gitignore\n/" + name + "/\n/." + name + ".tmp-*/\n/." + name + ".old-*/\n",
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // Written in the meantime by someone else: theirs stays.
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> hosts = exchange.getRequestHeaders().get("Host");
            if (hosts == null || hosts.size() != 1) {
                send(exchange, 400, "text/plain; charset=utf-8",
                        "bad request: exactly one Host header is required\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String host = hosts.get(0).strip();
            URI target = exchange.getRequestURI();
            boolean absoluteForm = target.getScheme() != null || target.getRawAuthority() != null;
            if (!hostCheck.allows(host) || absoluteForm && !("http".equalsIgnoreCase(target.getScheme())
                    && hostCheck.allows(target.getRawAuthority()))) {
                send(exchange, 421, "text/plain; charset=utf-8", ("misdirected request: this preview only answers "
                        + "requests for its own address, 127.0.0.1, localhost and [::1]\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (EVENTS.equals(raw)) {
                if (!HostCheck.sameOrigin(exchange.getRequestHeaders().get("Origin"), host)) {
                    send(exchange, 403, "text/plain; charset=utf-8",
                            "forbidden: the event stream is only for pages of this preview\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                live.open(exchange);
                waitWhileOpen();
                return;
            }
            if (LIVE_JS.equals(raw)) {
                try (InputStream in = PreviewServer.class.getResourceAsStream("/dev/hindsight/preview/live.js")) {
                    send(exchange, 200, "text/javascript; charset=utf-8", in.readAllBytes());
                }
                return;
            }
            if (files.isDirectory(raw)) {
                exchange.getResponseHeaders().set("Location", raw + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            Optional<Path> file = files.resolve(raw);
            if (file.isEmpty()) {
                Optional<Path> notFound = files.resolve("/404.html");
                byte[] body = notFound.isPresent() ? inject(Files.readAllBytes(notFound.get()))
                        : "not found\n".getBytes(StandardCharsets.UTF_8);
                send(exchange, 404, notFound.isPresent() ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body);
                return;
            }
            String type = StaticFiles.contentType(file.get());
            byte[] body = Files.readAllBytes(file.get());
            send(exchange, 200, type, type.startsWith("text/html") ? inject(body) : body);
        }
    }

    /** Holds an event-stream exchange open until the server stops. */
    private void waitWhileOpen() {
        try {
            while (server != null && !scheduler.isShutdown()) {
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds the live-reload script before {@code </body>} (or at the end). */
    static byte[] inject(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int at = s.lastIndexOf("</body>");
        String tag = SCRIPT_TAG;
        String out = at < 0 ? s + tag : s.substring(0, at) + tag + s.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // A rebuild under way still writes the output folder: let it end before this returns, so that whoever
        // closed the server may remove or reuse that folder (a test's temporary directory, a second serve).
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.accept("a rebuild was still running " + CLOSE_WAIT_SECONDS + " s after the preview stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.closeAll();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (server != null) {
            server.stop(0);
        }
        httpThreads.shutdownNow();
    }
}
