package dev.hindsight.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A new postmortem or runbook made from a small built-in template: its path relative to the site root
 * and its text. Interim, until the scaffolding of {@code init}/{@code new} lands in the generator.
 */
record NewDocument(String path, String content) {

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern PLAIN_YAML = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.()'/+&-]*");

    /** Throws IllegalArgumentException, with the parameter to fix, on an unknown kind or a bad service id. */
    static NewDocument of(String kind, String title, String service, LocalDate date) {
        String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!k.equals("postmortem") && !k.equals("runbook")) {
            throw new IllegalArgumentException("`<kind>` takes postmortem or runbook, not '" + kind + "'");
        }
        if (title == null || title.isBlank() || slug(title).isEmpty()) {
            throw new IllegalArgumentException("`<title>` needs a few words, such as \"Checkout outage\"");
        }
        if (service == null || !SERVICE_ID.matcher(service.strip()).matches()) {
            throw new IllegalArgumentException("`<service>` takes a service id such as payments-api, not '"
                    + service + "'");
        }
        String text = template(k).replace("{{title}}", yamlString(title.strip()))
                .replace("{{service}}", service.strip())
                .replace("{{date}}", date.toString())
                .replace("{{year}}", String.valueOf(date.getYear()));
        String path = k.equals("postmortem") ? "postmortems/" + date + "-" + slug(title) + ".md"
                : "runbooks/" + service.strip() + ".md";
        return new NewDocument(path, text);
    }

    /** Lowercase ASCII words joined by {@code -}: "Café: DB pool exhausted!" → "cafe-db-pool-exhausted". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() <= 60 ? slug : slug.substring(0, 60).replaceAll("-[^-]*$|-$", "");
    }

    /** The title as a YAML scalar: plain when that is safe, else double-quoted. */
    static String yamlString(String s) {
        if (PLAIN_YAML.matcher(s).matches()) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String template(String kind) {
        try (InputStream in = NewDocument.class.getResourceAsStream(kind + ".md")) {
            if (in == null) {
                throw new IllegalStateException("missing template " + kind + ".md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
