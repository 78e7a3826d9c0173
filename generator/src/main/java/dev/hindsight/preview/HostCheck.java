package dev.hindsight.preview;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The defence against DNS rebinding: a page of any web site can make its name resolve to 127.0.0.1
 * and then read the preview as its own origin; its requests then carry that site's name as
 * {@code Host}. So the preview answers only requests whose {@code Host} names it: the address it is
 * bound to, {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, or a name allowed on purpose, each
 * with its port or without one.
 *
 * @param names     accepted host names and addresses, lower case, IPv6 in brackets, without port
 * @param exact     accepted {@code host:port} values given with their own port
 * @param port      the port the preview listens on
 */
record HostCheck(Set<String> names, Set<String> exact, int port) {

    HostCheck {
        names = Set.copyOf(names);
        exact = Set.copyOf(exact);
    }

    static HostCheck of(String boundHost, InetAddress bound, int port, List<String> allowed) {
        Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        Set<String> exact = new HashSet<>();
        names.add(literal(boundHost.toLowerCase(Locale.ROOT)));
        if (!bound.isAnyLocalAddress()) {
            names.add(literal(bound.getHostAddress().toLowerCase(Locale.ROOT)));
        }
        for (String a : allowed) {
            int colon = a.lastIndexOf(':');
            if (colon > a.lastIndexOf(']')) {
                exact.add(a);
            } else {
                names.add(a);
            }
        }
        return new HostCheck(names, exact, port);
    }

    /** An IPv6 address as a {@code Host} header writes it: in brackets, without a zone. */
    private static String literal(String host) {
        String h = host;
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            return "[" + h + "]";
        }
        return h;
    }

    static String literal(InetAddress address) {
        return address instanceof Inet6Address ? literal(address.getHostAddress()) : address.getHostAddress();
    }

    /** Whether a {@code Host} header value (or the authority of an absolute request target) names this preview. */
    boolean allows(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (names.contains(h) || exact.contains(h)) {
            return true;
        }
        String suffix = ":" + port;
        return h.endsWith(suffix) && names.contains(h.substring(0, h.length() - suffix.length()));
    }

    /**
     * Whether a request with this {@code Origin} comes from a page of this preview (the same origin as
     * the allowed {@code host} the request was sent to); no {@code Origin} at all is a same-origin
     * request too.
     */
    static boolean sameOrigin(List<String> origins, String host) {
        return origins == null || origins.isEmpty()
                || origins.size() == 1 && origins.get(0).strip().equalsIgnoreCase("http://" + host);
    }
}
