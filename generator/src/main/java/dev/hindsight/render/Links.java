package dev.hindsight.render;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which values written in front matter may become links. Only the schemes a reader expects are turned
 * into {@code href}s; anything else ({@code javascript:}, {@code pagerduty:…}, a bare word) stays text.
 */
public final class Links {

    private static final Pattern TICKET_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");

    private Links() {
    }

    /** {@code url} when it is an http or https URL, else "". */
    public static String web(String url) {
        if (url == null || hasSpaceOrControl(url)) {
            return "";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && url.length() > 8 ? url : "";
    }

    /** An escalation contact as a link: http(s), {@code mailto:} or {@code tel:}; else "". */
    public static String contact(String contact) {
        if (contact == null || contact.isEmpty()) {
            return "";
        }
        if (!web(contact).isEmpty()) {
            return contact;
        }
        String lower = contact.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("mailto:") || lower.startsWith("tel:")) && !hasSpaceOrControl(contact)
                && contact.indexOf(':') < contact.length() - 1) {
            return contact;
        }
        return "";
    }

    /**
     * The link of a ticket: a ticket written as an http(s) URL as it is; a key such as {@code PAY-412}
     * through the site's {@code tickets.url} pattern (its {@code {key}} replaced); "" otherwise.
     */
    public static String ticket(String pattern, String ticket) {
        if (ticket == null || ticket.isEmpty()) {
            return "";
        }
        if (!web(ticket).isEmpty()) {
            return ticket;
        }
        if (pattern == null || pattern.isEmpty() || !TICKET_KEY.matcher(ticket).matches()) {
            return "";
        }
        return pattern.replace("{key}", encode(ticket));
    }

    static String encode(String text) {
        StringBuilder b = new StringBuilder();
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    private static boolean hasSpaceOrControl(String s) {
        return s.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
