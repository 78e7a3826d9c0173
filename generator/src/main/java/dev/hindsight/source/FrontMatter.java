package dev.hindsight.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diag.Position;
import java.util.Map;
import java.util.Objects;

/**
 * Parsed front matter: the YAML tree plus the position in the {@code .md} file of every key and
 * value, addressed by JSON pointer ({@code /incident/started}, {@code /services/0}). The tree is
 * built once by {@link YamlReader} and never changed afterwards.
 *
 * <p>Positions are only needed to report a problem, which most documents never have, and they cost more
 * memory than the values (a {@link Position} and a pointer per key and value, for every document until
 * the site is written): front matter read by {@link YamlReader} keeps its YAML text instead and works
 * the positions out when first asked, by reading that text again (same text, same positions).
 * {@link #withoutPositions()} lets a build drop even that text once nothing will report on the document;
 * asking such a front matter for a position is a bug and fails loudly.
 */
public final class FrontMatter {

    private final String path;
    private final ObjectNode root;
    private final Position start;
    private final boolean readable;
    /** The YAML text the positions are worked out from, with its first line; null when given or dropped. */
    private final YamlReader reader;
    private final String yaml;
    private final int firstLine;
    private final boolean released;
    private volatile Positions positions;

    /** Keys' and values' positions by JSON pointer. */
    record Positions(Map<String, Position> keys, Map<String, Position> values) {
        Positions {
            keys = Map.copyOf(keys);
            values = Map.copyOf(values);
        }
    }

    /** Front matter with its positions given. */
    public FrontMatter(String path, ObjectNode root, Map<String, Position> keyPositions,
                       Map<String, Position> valuePositions, Position start, boolean readable) {
        this(path, root, start, readable, null, null, 0, false, new Positions(keyPositions, valuePositions));
    }

    private FrontMatter(String path, ObjectNode root, Position start, boolean readable, YamlReader reader,
                        String yaml, int firstLine, boolean released, Positions positions) {
        this.path = path;
        this.root = root;
        this.start = start;
        this.readable = readable;
        this.reader = reader;
        this.yaml = yaml;
        this.firstLine = firstLine;
        this.released = released;
        this.positions = positions;
    }

    /** Front matter read from {@code yaml} (line {@code firstLine} of {@code path}); positions when asked. */
    static FrontMatter lazy(String path, ObjectNode root, Position start, YamlReader reader, String yaml,
                            int firstLine) {
        return new FrontMatter(path, root, start, true, Objects.requireNonNull(reader), Objects.requireNonNull(yaml),
                firstLine, false, null);
    }

    /** Front matter of a file that has none. */
    public static FrontMatter empty(String path) {
        return new FrontMatter(path, JsonNodeFactory.instance.objectNode(), Map.of(), Map.of(),
                Position.of(path, 1, 1), true);
    }

    /**
     * Front matter whose YAML could not be read (already reported): rules about its keys stay quiet
     * rather than pile "missing key" errors on top of the syntax error.
     */
    public static FrontMatter unreadable(String path) {
        return new FrontMatter(path, JsonNodeFactory.instance.objectNode(), Map.of(), Map.of(),
                Position.of(path, 1, 1), false);
    }

    /**
     * The same values without the positions or the text they are worked out from: for a build whose
     * checks are done, which keeps each document until its pages are written. Asking it for a position
     * throws {@link IllegalStateException}.
     */
    public FrontMatter withoutPositions() {
        if (released) {
            return this;
        }
        return new FrontMatter(path, root, start, readable, null, null, 0, true, null);
    }

    /**
     * For {@link StoredFrontMatter#restore}: front matter as stored, each part as {@link StoredFrontMatter#of} took
     * it from the accessors below; {@code positions} null unless they were given (not worked out from {@code yaml}).
     */
    static FrontMatter restored(String path, ObjectNode root, Position start, boolean readable, YamlReader reader,
                                String yaml, int firstLine, boolean released, Positions positions) {
        return new FrontMatter(path, root, start, readable, yaml == null ? null : reader, yaml, firstLine, released,
                positions);
    }

    /** The YAML text the positions are worked out from, or null (given, or released). */
    String yaml() {
        return yaml;
    }

    int firstLine() {
        return firstLine;
    }

    boolean released() {
        return released;
    }

    /** The positions when they were given rather than worked out from the YAML text; else null. */
    Positions givenPositions() {
        return yaml == null && !released ? positions : null;
    }

    public String path() {
        return path;
    }

    public ObjectNode root() {
        return root;
    }

    public Position start() {
        return start;
    }

    public boolean readable() {
        return readable;
    }

    public Map<String, Position> keyPositions() {
        return positions().keys();
    }

    public Map<String, Position> valuePositions() {
        return positions().values();
    }

    /** Whether the positions have been worked out (or were given): for tests of what is kept. */
    boolean hasPositions() {
        return positions != null;
    }

    private Positions positions() {
        Positions p = positions;
        if (p == null) {
            if (released) {
                throw new IllegalStateException("the positions of the front matter of " + path
                        + " were released after the checks; nothing may report on it any more");
            }
            synchronized (this) {
                p = positions;
                if (p == null) {
                    p = reader.positions(path, yaml, firstLine);
                    positions = p;
                }
            }
        }
        return p;
    }

    public JsonNode get(String key) {
        return root.get(key);
    }

    public boolean has(String key) {
        return root.hasNonNull(key);
    }

    /**
     * Where to point a diagnostic about the value at {@code pointer}: the key, else the value,
     * else the nearest enclosing key, else the start of the front matter.
     */
    public Position positionOf(String pointer) {
        Positions all = positions();
        String p = pointer;
        while (!p.isEmpty()) {
            Position key = all.keys().get(p);
            if (key != null) {
                return key;
            }
            Position value = all.values().get(p);
            if (value != null) {
                return value;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return start;
    }

    /** The position of the value itself (for problems inside a value, such as a bad date). */
    public Position valuePositionOf(String pointer) {
        Position value = positions().values().get(pointer);
        return value != null ? value : positionOf(pointer);
    }

    /** JSON-pointer escaping of one key. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Equal when path, values, start and readability are, and the positions are: read from the same text at
     * the same line (then they are the same without working them out), else compared. Front matter whose
     * positions were released equals only another such.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof FrontMatter f) || readable != f.readable || released != f.released
                || !path.equals(f.path) || !start.equals(f.start) || !root.equals(f.root)) {
            return false;
        }
        if (released) {
            return true;
        }
        if (yaml != null && f.yaml != null && firstLine == f.firstLine && yaml.equals(f.yaml)) {
            return true;
        }
        return positions().equals(f.positions());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, root, start, readable);
    }

    @Override
    public String toString() {
        return "FrontMatter[path=" + path + ", root=" + root + ", start=" + start + ", readable=" + readable
                + (released ? ", positions released" : "") + "]";
    }
}
