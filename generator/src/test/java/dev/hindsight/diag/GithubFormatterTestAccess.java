package dev.hindsight.diag;

import java.util.Map;

/** Lets tests of other packages parse workflow commands with {@link GithubFormatterTest#parse}. */
public final class GithubFormatterTestAccess {

    public record Command(String name, Map<String, String> properties, String message) {
    }

    private GithubFormatterTestAccess() {
    }

    public static Command parse(String line) {
        GithubFormatterTest.Command c = GithubFormatterTest.parse(line);
        return new Command(c.name(), c.properties(), c.message());
    }
}
