package dev.hindsight.search;

/**
 * JSON text for the index files, safe to embed anywhere: {@code < > &} and U+2028/U+2029 are escaped
 * in strings, so no value can close a {@code <script>} element or break a JavaScript string.
 */
final class Js {

    private static final String HEX = "0123456789abcdef";

    private Js() {
    }

    static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c) && !validPair(s, i)) {
                        out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 15))
                                .append(HEX.charAt((c >> 4) & 15)).append(HEX.charAt(c & 15));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair (a lone one would not encode as UTF-8). */
    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** The text of one index file: a call that hands {@code json} to the client under {@code name}. */
    static String shard(String name, CharSequence json) {
        StringBuilder out = new StringBuilder(json.length() + name.length() + 48);
        out.append("window.__hindsightSearch.shard(");
        string(out, name);
        return out.append(',').append(json).append(");\n").toString();
    }
}
