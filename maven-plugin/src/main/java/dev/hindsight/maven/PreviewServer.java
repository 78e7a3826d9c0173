package dev.hindsight.maven;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only static file server for the built site on 127.0.0.1: GET and HEAD only, nothing outside
 * the root (no {@code ..}, no symlink out), directories served by their {@code index.html}. Deliberately
 * tiny; the live-reload preview in the generator will replace it.
 */
final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"));

    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final Path root;

    private PreviewServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
    static PreviewServer start(Path root, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        PreviewServer preview = new PreviewServer(http, root.toRealPath());
        http.createContext("/", preview::handle);
        http.start();
        return preview;
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, TEXT, "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = resolve(path);
            if (file == null) {
                send(exchange, 403, TEXT, "outside the site\n".getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(file) && !path.endsWith("/")) {
                exchange.getResponseHeaders().set("Location", path + "/");
                send(exchange, 301, TEXT, new byte[0]);
            } else if (Files.isDirectory(file) && Files.isRegularFile(file.resolve("index.html"))) {
                send(exchange, 200, TYPES.get("html"), Files.readAllBytes(file.resolve("index.html")));
            } else if (Files.isRegularFile(file)) {
                send(exchange, 200, type(file), Files.readAllBytes(file));
            } else if (Files.isRegularFile(root.resolve("404.html"))) {
                send(exchange, 404, TYPES.get("html"), Files.readAllBytes(root.resolve("404.html")));
            } else {
                send(exchange, 404, TEXT, "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The file a request path names, or null when it would leave the root (also through a symlink). */
    Path resolve(String requestPath) throws IOException {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.indexOf('\0') >= 0) {
            return null;
        }
        Path file;
        try {
            file = root.resolve(requestPath.substring(1)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.exists(file) && !file.toRealPath().startsWith(root)) {
            return null;
        }
        return file;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
