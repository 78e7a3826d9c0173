package dev.hindsight.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diag.Position;
import java.util.Map;
import java.util.Objects;

/**
 * Every part of a {@link FrontMatter}, for the build's disk cache to store and restore it so that what is read back
 * {@link FrontMatter#equals equals} what was stored and behaves the same: a front matter whose positions are worked
 * out from its YAML text when asked stays so (the text is stored, not the positions).
 *
 * @param yaml      the YAML text the positions are worked out from (with its {@code firstLine}); null when they were
 *                  given or released
 * @param released  whether the positions were dropped ({@link FrontMatter#withoutPositions()})
 * @param keys      the keys' positions when they were given (neither worked out from {@code yaml} nor released),
 *                  else null; {@code values} likewise
 */
public record StoredFrontMatter(String path, ObjectNode root, Position start, boolean readable, boolean released,
                                String yaml, int firstLine, Map<String, Position> keys,
                                Map<String, Position> values) {

    /** The parts of {@code fm}. */
    public static StoredFrontMatter of(FrontMatter fm) {
        FrontMatter.Positions given = fm.givenPositions();
        return new StoredFrontMatter(fm.path(), fm.root(), fm.start(), fm.readable(), fm.released(), fm.yaml(),
                fm.firstLine(), given == null ? null : given.keys(), given == null ? null : given.values());
    }

    /**
     * The front matter these parts were taken from; positions worked out with {@code reader} when asked.
     *
     * @throws IllegalArgumentException when the parts do not make a front matter (a part missing)
     */
    public FrontMatter restore(YamlReader reader) {
        if (path == null || root == null || start == null
                || (yaml == null && !released && (keys == null || values == null))) {
            throw new IllegalArgumentException("incomplete front matter");
        }
        FrontMatter.Positions given = yaml == null && !released ? new FrontMatter.Positions(keys, values) : null;
        return FrontMatter.restored(path, root, start, readable, Objects.requireNonNull(reader), yaml, firstLine,
                released, given);
    }
}
