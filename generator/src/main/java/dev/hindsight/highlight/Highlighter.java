package dev.hindsight.highlight;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax highlighting at build time: code as escaped HTML with {@code <span class="hl-…">} around its
 * tokens (keyword, string, comment, number, variable, key, function) and around placeholders such as
 * {@code <pod-name>} ({@code hl-ph}), which a reader must replace. The text is unchanged, so copying
 * it copies exactly what was written. Languages: {@link Language}; any other code gets its placeholders
 * marked only. Thread-safe, no state.
 */
public final class Highlighter {

    /** A placeholder to fill in: a lower-case word with dashes or underscores in angle brackets. */
    static final String PLACEHOLDER = "<[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*>";
    private static final Pattern PLACEHOLDER_ONLY = Pattern.compile(PLACEHOLDER);
    static final List<String> CLASSES = List.of("kw", "str", "com", "num", "var", "key", "fn", "ph");

    /** The class names this writes, for the sanitizer's allow-list. */
    public static final Pattern CLASS_NAMES = Pattern.compile("hl-(?:kw|str|com|num|var|key|fn|ph)");

    private Highlighter() {
    }

    /** {@code code} (the fence's text) as HTML for inside {@code <code>}, highlighted for the fence's {@code info}. */
    public static String html(String info, String code) {
        String name = info == null ? "" : info.strip().toLowerCase(java.util.Locale.ROOT);
        if (MARKUP.matcher(name).lookingAt()) {
            StringBuilder out = new StringBuilder(code.length() + 16);
            escape(code, out);
            return out.toString();
        }
        Optional<Language> language = Language.of(name);
        Pattern pattern = language.map(l -> l.pattern).orElse(PLACEHOLDER_ONLY);
        StringBuilder out = new StringBuilder(code.length() + code.length() / 2);
        java.util.Set<String> closed = closingTags(code);
        Matcher m = pattern.matcher(code);
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            String cls = language.isPresent() ? groupOf(language.get(), m) : "ph";
            if (cls == null || (cls.equals("ph") && closed.contains(m.group().substring(1)))) {
                continue;
            }
            escapeWithPlaceholders(code.substring(last, m.start()), out, false, closed);
            String token = code.substring(m.start(), m.end());
            // Leading blanks of a command word stay outside its span.
            int lead = 0;
            while (lead < token.length() && Character.isWhitespace(token.charAt(lead))) {
                lead++;
            }
            escape(token.substring(0, lead), out);
            out.append("<span class=\"hl-").append(cls).append("\">");
            if (cls.equals("ph")) {
                escape(token.substring(lead), out);
            } else {
                escapeWithPlaceholders(token.substring(lead), out, true, closed);
            }
            out.append("</span>");
            last = m.end();
        }
        escapeWithPlaceholders(code.substring(last), out, false, closed);
        return out.toString();
    }

    /** Code in a markup language, where {@code <name>} is a tag, not a placeholder. */
    private static final Pattern MARKUP = Pattern.compile("(?:html|xhtml|xml|svg|vue|jsx|tsx|markdown|md)(?![\\w-])");

    private static final Pattern CLOSING_TAG = Pattern.compile("</([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*>)");

    /**
     * The names (with their {@code >}) of the tags {@code code} closes: a {@code <name>} the code also
     * closes ({@code </name>}) is a tag, not a placeholder.
     */
    private static java.util.Set<String> closingTags(String code) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Matcher m = CLOSING_TAG.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String groupOf(Language language, Matcher m) {
        for (String c : language.groups) {
            if (m.group(c) != null) {
                return c;
            }
        }
        return null;
    }

    /** Escapes {@code text}; inside a token ({@code nested}) placeholders still get their own span. */
    private static void escapeWithPlaceholders(String text, StringBuilder out, boolean nested,
                                               java.util.Set<String> closed) {
        if (!nested) {
            escape(text, out);
            return;
        }
        Matcher m = PLACEHOLDER_ONLY.matcher(text);
        int last = 0;
        while (m.find()) {
            if (closed.contains(m.group().substring(1))) {
                continue;
            }
            escape(text.substring(last, m.start()), out);
            out.append("<span class=\"hl-ph\">");
            escape(m.group(), out);
            out.append("</span>");
            last = m.end();
        }
        escape(text.substring(last), out);
    }

    /** Escapes as flexmark does in text and attributes: {@code & < > "}. */
    public static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
