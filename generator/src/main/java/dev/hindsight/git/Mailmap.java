package dev.hindsight.git;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The repository's {@code .mailmap} (JGit has no support for it), in the four forms {@code git
 * check-mailmap} documents; e-mail addresses and names match ignoring case, {@code #} starts a comment,
 * a line that is none of the forms is ignored (as Git does):
 * <pre>
 * Proper Name &lt;commit@email&gt;
 * &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;
 * </pre>
 * Only the canonical name and address are used, for contributors and bot detection; neither address
 * is ever published.
 */
final class Mailmap {

    static final Mailmap EMPTY = new Mailmap(Map.of(), Map.of());

    /** The name and e-mail address a commit's author is shown as. */
    record Person(String name, String email) {
    }

    /** A line's replacement: empty parts keep the commit's own. */
    private record Entry(String name, String email) {
    }

    /** By commit e-mail, then by commit name (lower case); the entries that match any name by e-mail alone. */
    private final Map<String, Map<String, Entry>> byEmailAndName;
    private final Map<String, Entry> byEmail;

    private Mailmap(Map<String, Map<String, Entry>> byEmailAndName, Map<String, Entry> byEmail) {
        this.byEmailAndName = byEmailAndName;
        this.byEmail = byEmail;
    }

    static Mailmap parse(String text) {
        Map<String, Map<String, Entry>> named = new HashMap<>();
        Map<String, Entry> any = new HashMap<>();
        for (String raw : text.split("\n", -1)) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            // Up to two "name <email>" parts.
            String[] names = new String[2];
            String[] emails = new String[2];
            int parts = 0;
            int i = 0;
            boolean bad = false;
            while (i < line.length() && parts < 2) {
                int open = line.indexOf('<', i);
                int close = open < 0 ? -1 : line.indexOf('>', open);
                if (open < 0 || close < 0) {
                    bad = !line.substring(i).isBlank();
                    break;
                }
                names[parts] = line.substring(i, open).strip();
                emails[parts] = line.substring(open + 1, close).strip();
                parts++;
                i = close + 1;
            }
            if (bad || parts == 0) {
                continue;
            }
            String properName = names[0];
            if (parts == 1) {
                // Proper Name <commit@email>
                if (!properName.isEmpty()) {
                    put(any, emails[0], new Entry(properName, ""));
                }
                continue;
            }
            Entry e = new Entry(properName, emails[0]);
            if (names[1].isEmpty()) {
                put(any, emails[1], e);
            } else {
                named.computeIfAbsent(key(emails[1]), k -> new HashMap<>()).put(key(names[1]), e);
            }
        }
        return new Mailmap(Map.copyOf(named), Map.copyOf(any));
    }

    /** A later line for the same address fills in what an earlier one left out (Git keeps both parts). */
    private static void put(Map<String, Entry> map, String email, Entry e) {
        map.merge(key(email), e, (old, now) -> new Entry(now.name().isEmpty() ? old.name() : now.name(),
                now.email().isEmpty() ? old.email() : now.email()));
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    Person map(String name, String email) {
        String n = name == null ? "" : name;
        String m = email == null ? "" : email;
        Entry e = null;
        Map<String, Entry> byName = byEmailAndName.get(key(m));
        if (byName != null) {
            e = byName.get(key(n));
        }
        if (e == null) {
            e = byEmail.get(key(m));
        }
        if (e == null) {
            return new Person(n, m);
        }
        return new Person(e.name().isEmpty() ? n : e.name(), e.email().isEmpty() ? m : e.email());
    }
}
