package dev.hindsight.diag;

/**
 * Turns a site-relative diagnostic path into a path relative to the repository root, which is what
 * CI services (GitHub annotations, GitLab Code Quality, SARIF) key their files by.
 */
final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /**
     * The site root relative to the repository root, normalised to "" or {@code dir/}.
     *
     * @throws IllegalArgumentException if the prefix is absolute or climbs out with {@code ..}
     */
    static String normalisePrefix(String raw) {
        String p = raw.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.isEmpty() || p.equals(".")) {
            return "";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("path prefix '" + raw
                    + "' must be relative to the repository root, e.g. 'example-site/'");
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("path prefix '" + raw
                        + "' must stay inside the repository (no '..')");
            }
        }
        return p.endsWith("/") ? p : p + "/";
    }
}
