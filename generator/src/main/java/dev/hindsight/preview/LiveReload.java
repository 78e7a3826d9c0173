package dev.hindsight.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Server-Sent Events channel to open pages: {@code reload} after a published rebuild,
 * {@code diagnostics} (a JSON list) after every build so the page can show or hide its error overlay.
 */
final class LiveReload {

    private final List<OutputStream> clients = new ArrayList<>();
    private String lastDiagnostics = "[]";

    /** Takes over an exchange as an event stream; sends the current diagnostics at once. */
    void open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String diagnostics;
        synchronized (this) {
            clients.add(out);
            diagnostics = lastDiagnostics;
        }
        send(out, "retry: 1000\n\n");
        send(out, event("diagnostics", diagnostics));
    }

    synchronized int clientCount() {
        return clients.size();
    }

    void reload(long build) {
        broadcast(event("reload", Long.toString(build)));
    }

    void diagnostics(String json) {
        synchronized (this) {
            lastDiagnostics = json;
        }
        broadcast(event("diagnostics", json));
    }

    /** A comment line every few seconds, so that dead connections are noticed and dropped. */
    void ping() {
        broadcast(": ping\n\n");
    }

    void closeAll() {
        List<OutputStream> all;
        synchronized (this) {
            all = new ArrayList<>(clients);
            clients.clear();
        }
        for (OutputStream out : all) {
            try {
                out.close();
            } catch (IOException ignored) {
                // The page went away first.
            }
        }
    }

    private void broadcast(String message) {
        List<OutputStream> all;
        synchronized (this) {
            all = new ArrayList<>(clients);
        }
        for (OutputStream out : all) {
            if (!send(out, message)) {
                synchronized (this) {
                    clients.remove(out);
                }
            }
        }
    }

    private static boolean send(OutputStream out, String message) {
        try {
            synchronized (out) {
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return true;
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already gone.
            }
            return false;
        }
    }

    private static String event(String name, String data) {
        StringBuilder b = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }
}
