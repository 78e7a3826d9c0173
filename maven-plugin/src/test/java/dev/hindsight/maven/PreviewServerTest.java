package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {

    @TempDir
    Path tmp;

    private PreviewServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException {
        Path site = tmp.resolve("site");
        Sites.write(site, "index.html", "<h1>home</h1>");
        Sites.write(site, "runbooks/checkout/index.html", "<h1>checkout</h1>");
        Sites.write(site, "assets/style.css", "body{}");
        Sites.write(site, "404.html", "<h1>not here</h1>");
        Sites.write(tmp, "secret.txt", "do not serve");
        Files.createSymbolicLink(site.resolve("escape"), tmp);
        server = PreviewServer.start(site, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request line as is: HttpClient would normalize the dot segments away. */
    private String raw(String method, String target) throws IOException {
        URI a = server.address();
        try (Socket socket = new Socket(a.getHost(), a.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void servesFilesAndDirectoryIndexesOnLoopback() throws Exception {
        assertThat(server.address().toString()).startsWith("http://127.0.0.1:");
        assertThat(get("/").body()).isEqualTo("<h1>home</h1>");
        assertThat(get("/runbooks/checkout/").body()).isEqualTo("<h1>checkout</h1>");
        HttpResponse<String> css = get("/assets/style.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        HttpResponse<String> redirect = get("/runbooks/checkout");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/runbooks/checkout/");
        HttpResponse<String> missing = get("/nope.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<h1>not here</h1>");
    }

    @Test
    void refusesEverythingOutsideTheSite() throws Exception {
        assertThat(raw("GET", "/../secret.txt")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(raw("GET", "/%2e%2e/secret.txt")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(raw("GET", "/runbooks/../../secret.txt")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(raw("GET", "/escape/secret.txt")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(raw("GET", "/runbooks/../index.html")).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void isReadOnly() throws Exception {
        assertThat(raw("PUT", "/index.html")).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(raw("DELETE", "/index.html")).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(raw("HEAD", "/index.html")).isEqualTo("HTTP/1.1 200 OK");
    }
}
