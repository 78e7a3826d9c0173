package dev.hindsight.render;

import java.util.List;
import java.util.Locale;

/**
 * Whether a URL from front matter or configuration may become a link. Front-matter values are
 * escaped by the templates, but escaping does not stop {@code javascript:} in an {@code href}: only
 * absolute http(s), mailto and tel URLs are links; anything else (other schemes, relative paths,
 * values with leading control characters) is shown as text. Templates call it as
 * {@code safeUrls.isSafeLink(url)}.
 */
public final class SafeUrls {

    private static final List<String> PREFIXES = List.of("https://", "http://", "mailto:", "tel:");

    private SafeUrls() {
    }

    /** True for an absolute {@code http(s)://}, {@code mailto:} or {@code tel:} URL. */
    public static boolean isSafeLink(String url) {
        if (url == null) {
            return false;
        }
        // Browsers drop leading and trailing spaces from href values; nothing else before the scheme.
        String u = url.strip().toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (u.startsWith(prefix) && u.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }
}
