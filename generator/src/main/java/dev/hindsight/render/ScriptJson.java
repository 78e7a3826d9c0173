package dev.hindsight.render;

/**
 * JSON made safe to embed in HTML: inside a {@code <script>} element or a {@code .js} file
 * loaded by one (not in an attribute: there it needs HTML escaping, which templates do). {@code <}, {@code >}, {@code &}, U+2028 and U+2029 become
 * backslash-u escapes: so {@code </script>} and {@code <!--} cannot end or change the script, and
 * the two separators cannot end a line in older JavaScript. The result is
 * still the same JSON value. Templates call it as {@code scriptJson.escape(json)}.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    /** {@code json}, which must already be valid JSON, with the characters above escaped. */
    public static String escape(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String replacement = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
