package dev.hindsight.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tickets of an export read at build time, offline: a Jira CSV export (columns {@code Issue key},
 * {@code Status}, optionally {@code Resolution}) or GitHub issues JSON as
 * {@code gh issue list --json number,title,state,url} writes it. What cannot be read is a {@link Problem}.
 */
public record Tickets(Map<String, Ticket> byKey, List<Problem> problems) {

    /** The largest export read. */
    static final long MAX_SIZE = 20L * 1024 * 1024;

    /** Jira statuses that mean finished when the export has no Resolution column. */
    private static final Set<String> CLOSED_STATUSES = Set.of("done", "closed", "resolved", "complete", "completed",
            "won't do", "wont do", "cancelled", "canceled", "rejected", "fixed");

    /**
     * A ticket of the export.
     *
     * @param status its status as the tracker writes it ({@code In Progress}, {@code CLOSED})
     * @param closed whether the tracker considers it finished
     * @param line   the line of the export it was read from (the row's first line; 1 for JSON)
     */
    public record Ticket(String key, String status, boolean closed, String url, int line) {
    }

    /**
     * Something in the export that could not be read; {@code line} 0 means the file as a whole, -1 the
     * {@code tickets.export} setting (no such file, outside the site).
     */
    public record Problem(int line, String message) {
    }

    public Tickets {
        byKey = Map.copyOf(byKey);
        problems = List.copyOf(problems);
    }

    public static Tickets none() {
        return new Tickets(Map.of(), List.of());
    }

    /** The ticket an action item's ticket text names: a key (any case), {@code #12}, or an issue URL. */
    public Optional<Ticket> find(String ticket) {
        String t = ticket.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Ticket hit = byKey.get(t.toUpperCase(Locale.ROOT));
        if (hit == null && t.matches("\\d+")) {
            hit = byKey.get("#" + t);
        }
        if (hit == null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/issues/(\\d+)/?$").matcher(t);
            if (m.find()) {
                Ticket byNumber = byKey.get("#" + m.group(1));
                hit = byNumber != null && (byNumber.url().isEmpty() || byNumber.url().equalsIgnoreCase(t)
                        || t.endsWith(byNumber.url().replaceFirst("^https?://", ""))) ? byNumber : null;
            }
        }
        return Optional.ofNullable(hit);
    }

    /** Reads the export at {@code relPath} under {@code root}; a file that escapes the root is refused. */
    public static Tickets load(Path root, String relPath) {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(relPath).normalize();
        if (!file.startsWith(base)) {
            return failed("`" + relPath + "` is outside the site");
        }
        try {
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(base.toRealPath())) {
                return failed("the ticket export `" + relPath + "` does not exist or is not a file inside the site");
            }
            if (Files.size(file) > MAX_SIZE) {
                return new Tickets(Map.of(), List.of(new Problem(0, "the ticket export `" + relPath + "` is larger than 20 MB")));
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return relPath.toLowerCase(Locale.ROOT).endsWith(".json") ? github(text) : jira(text);
        } catch (CharacterCodingException e) {
            return new Tickets(Map.of(), List.of(new Problem(0, "the ticket export `" + relPath + "` is not UTF-8")));
        } catch (IOException e) {
            return failed("the ticket export `" + relPath + "` cannot be read: " + e.getMessage());
        }
    }

    private static Tickets failed(String message) {
        return new Tickets(Map.of(), List.of(new Problem(-1, message)));
    }

    /** A Jira CSV export. */
    static Tickets jira(String text) {
        Csv.Parsed csv = Csv.parse(text);
        List<Problem> problems = new ArrayList<>();
        if (csv.unclosedQuoteLine() > 0) {
            problems.add(new Problem(csv.unclosedQuoteLine(), "a quoted field that starts here is never closed"));
        }
        if (csv.rows().isEmpty()) {
            problems.add(new Problem(0, "the Jira export has no header row"));
            return new Tickets(Map.of(), problems);
        }
        List<String> header = csv.rows().get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int key = header.indexOf("issue key");
        int status = header.indexOf("status");
        int resolution = header.indexOf("resolution");
        if (key < 0 || status < 0) {
            problems.add(new Problem(csv.lines().get(0),
                    "the Jira export needs the columns `Issue key` and `Status`; it has " + String.join(", ",
                            csv.rows().get(0).stream().map(h -> "`" + h.strip() + "`").toList())));
            return new Tickets(Map.of(), problems);
        }
        Map<String, Ticket> out = new LinkedHashMap<>();
        for (int i = 1; i < csv.rows().size(); i++) {
            List<String> row = csv.rows().get(i);
            int line = csv.lines().get(i);
            String k = field(row, key);
            String s = field(row, status);
            if (k.isEmpty()) {
                problems.add(new Problem(line, "a row without an `Issue key`"));
                continue;
            }
            String r = resolution < 0 ? "" : field(row, resolution);
            boolean closed = resolution >= 0 && !r.isEmpty() && !r.equalsIgnoreCase("unresolved")
                    || CLOSED_STATUSES.contains(s.toLowerCase(Locale.ROOT));
            out.putIfAbsent(k.toUpperCase(Locale.ROOT), new Ticket(k, s, closed, "", line));
        }
        return new Tickets(out, problems);
    }

    private static String field(List<String> row, int i) {
        return i < row.size() ? row.get(i).strip() : "";
    }

    /** GitHub issues JSON, as {@code gh issue list --json number,title,state,url} writes it. */
    static Tickets github(String text) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Tickets(Map.of(), List.of(new Problem(Math.max(line, 0),
                    "the GitHub issues export is not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isArray()) {
            return new Tickets(Map.of(), List.of(new Problem(0,
                    "the GitHub issues export must be a JSON list, as `gh issue list --json number,title,state,url` writes it")));
        }
        Map<String, Ticket> out = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            if (!n.isObject() || !n.path("number").canConvertToInt() || !n.path("state").isTextual()) {
                problems.add(new Problem(0, "issue [" + i + "] of the GitHub export has no `number` and `state`"));
                continue;
            }
            String state = n.get("state").asText();
            String key = "#" + n.get("number").asInt();
            out.putIfAbsent(key, new Ticket(key, state, state.equalsIgnoreCase("closed"),
                    n.path("url").isTextual() ? n.get("url").asText() : "", 1));
        }
        return new Tickets(out, problems);
    }

}
