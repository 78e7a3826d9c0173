package dev.hindsight.render;

/** Escaping for text and attribute values in the XML this package writes (SVG, Atom, sitemap). */
final class Xml {

    private Xml() {
    }

    /** Escapes markup characters and quotes; control characters XML 1.0 forbids become spaces. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF ? ' ' : c);
            }
        }
        return b.toString();
    }
}
