package dev.hindsight.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs a site's settings may hold: http and https, or no scheme at all (a relative address). Read
 * the way a browser reads an href — leading and trailing spaces and control characters dropped, tabs and
 * line breaks removed anywhere, the scheme in any case — so that {@code " JavaScript:"} or
 * {@code "java\tscript:"} is caught as what it becomes.
 */
public final class UrlSchemes {

    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

    private UrlSchemes() {
    }

    /** The scheme of {@code url} when it is one a setting may not use (lower case), else empty. */
    public static Optional<String> refused(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String s = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "")
                .toLowerCase(Locale.ROOT);
        Matcher m = SCHEME.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String scheme = m.group(1);
        return scheme.equals("http") || scheme.equals("https") ? Optional.empty() : Optional.of(scheme);
    }
}
