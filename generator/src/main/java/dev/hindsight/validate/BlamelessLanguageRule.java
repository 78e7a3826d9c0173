package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Latin1;
import dev.hindsight.model.Document;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that put blame on people ("human error", "should have known"), reported where they
 * stand. Postmortems describe systems and decisions, so that people keep reporting honestly.
 */
final class BlamelessLanguageRule extends ProseRule implements DocumentLocal {

    /** The compiled phrases, per phrase list: compiled once per build, not once per document. */
    private final java.util.Map<List<String>, Phrases> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    /** The phrase list looked up last and its compiled phrases: most lines then skip hashing the list. */
    private volatile Last last;

    private record Last(List<String> key, Phrases phrases) {
    }

    BlamelessLanguageRule() {
        super(RuleInfo.BLAMELESS_LANGUAGE);
    }

    @Override
    boolean applies(Context context) {
        return !context.config().validation().blameless().isEmpty();
    }

    /** The compiled phrases of the site's list. */
    private Phrases phrases(Context context) {
        List<String> phrases = context.config().validation().blameless();
        Last seen = last;
        if (seen == null || seen.key() != phrases) {
            seen = new Last(phrases, patterns.computeIfAbsent(phrases, Phrases::of));
            last = seen;
        }
        return seen.phrases();
    }

    @Override
    boolean mayMatch(Context context, String text, byte[] chars, int from, int to) {
        return phrases(context).mayMatch(text, chars, from, to);
    }

    @Override
    void check(Context context, Document doc, ProseLines.Line line, Reporter out) {
        Phrases compiled = phrases(context);
        if (!compiled.mayMatch(line.text())) {
            return;
        }
        Matcher m = compiled.pattern().matcher(line.text());
        while (m.find()) {
            out.report(at(doc, line, m.start()), "\"" + m.group() + "\" assigns blame",
                    "describe what the system allowed and why the decision made sense at the time");
        }
    }

    /**
     * The phrase pattern, and the first word of each phrase in lower case: a line holding none of
     * those words cannot match, and a plain search for them is much cheaper than trying the
     * case-insensitive alternation at every position. The search is one pass over the line: the
     * first two letters of a word (ASCII, lower-cased) index the words that start with them, and only
     * those are compared there, ignoring case; positions right after an ASCII letter or digit are skipped, as
     * the pattern matches no phrase there. Phrases whose first word is not ASCII are not
     * pre-filtered (Unicode case folding may change lengths), so they always reach the pattern.
     */
    static final class Phrases {

        private final Pattern pattern;
        private final boolean filter;
        /** Per lower-case ASCII letter: a one-letter first word is that letter. */
        private final boolean[] single = new boolean[128];
        /** Per lower-case ASCII pair {@code 128 * a + b}: the first words of two letters or more starting so. */
        private final String[][] byPair = new String[128 * 128][];

        private Phrases(Pattern pattern, List<String> firstWords, boolean filter) {
            this.pattern = pattern;
            this.filter = filter;
            if (!filter) {
                return;
            }
            for (String w : firstWords) {
                if (w.length() == 1) {
                    single[w.charAt(0)] = true;
                } else {
                    int pair = 128 * w.charAt(0) + w.charAt(1);
                    String[] words = byPair[pair] == null ? new String[0] : byPair[pair];
                    words = java.util.Arrays.copyOf(words, words.length + 1);
                    words[words.length - 1] = w;
                    byPair[pair] = words;
                }
            }
        }

        static Phrases of(List<String> phrases) {
            List<String> words = new java.util.ArrayList<>();
            boolean filter = true;
            for (String phrase : phrases) {
                String first = phrase.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
                filter &= !first.isEmpty() && first.chars().allMatch(c -> c < 128);
                words.add(first);
            }
            return new Phrases(BlamelessLanguageRule.pattern(phrases), List.copyOf(words), filter);
        }

        Pattern pattern() {
            return pattern;
        }

        boolean mayMatch(String line) {
            return mayMatch(line, Latin1.bytes(line), 0, line.length());
        }

        /**
         * As {@link #mayMatch(String)} for the line {@code from}..{@code to} of {@code text}, whose characters are
         * {@code chars} as {@link Latin1} bytes.
         */
        boolean mayMatch(String text, byte[] chars, int from, int to) {
            if (!filter) {
                return true;
            }
            boolean afterWordChar = false;
            for (int i = from; i < to; i++) {
                char c = Latin1.at(text, chars, i);
                if (c >= 128) {
                    // Letters that case-insensitive matching equates with an ASCII one, which lower-casing keeps apart.
                    if (c == '\u017F' || c == '\u0131' || c == '\u0130' || c == '\u212A') {
                        return true;
                    }
                    afterWordChar = false; // not known to be a letter or digit: the next position is tried
                    continue;
                }
                boolean wasAfterWordChar = afterWordChar;
                afterWordChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (wasAfterWordChar) {
                    continue; // the pattern matches no phrase right after a letter or digit
                }
                int a = lower(c);
                if (single[a]) {
                    return true;
                }
                char next = i + 1 < to ? Latin1.at(text, chars, i + 1) : 128;
                if (next < 128) {
                    String[] words = byPair[128 * a + lower(next)];
                    if (words != null) {
                        for (String w : words) {
                            if (i + w.length() <= to && text.regionMatches(true, i, w, 0, w.length())) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        private static int lower(char c) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
    }

    static Pattern pattern(List<String> phrases) {
        StringBuilder p = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) {
                p.append('|');
            }
            p.append(Pattern.quote(phrases.get(i).strip()).replace(" ", "\\E\\s+\\Q"));
        }
        return Pattern.compile(p.append(")(?![\\p{L}\\p{N}])").toString());
    }
}
