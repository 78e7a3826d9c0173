package dev.hindsight.archfixture.state;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the rule must accept: constants that cannot change. */
public class Fine {
    static final String NAME = "x";
    static final int LIMIT = 3;
    static final Pattern WORD = Pattern.compile("\\w+");
    static final List<String> KINDS = List.of("a", "b");
    static final Map<String, Integer> ORDER = Map.of("a", 1);
    static final Point ORIGIN = new Point(0, 0);

    record Point(int x, int y) {
    }
}
