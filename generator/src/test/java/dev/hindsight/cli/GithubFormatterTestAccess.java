package dev.hindsight.cli;

import java.util.Map;

/** The workflow-command parser of {@code GithubFormatterTest}, for the end-to-end test here. */
final class GithubFormatterTestAccess {

    record Command(String name, Map<String, String> properties, String message) {
    }

    private GithubFormatterTestAccess() {
    }

    static Command parse(String line) {
        var c = dev.hindsight.diag.GithubFormatterTestAccess.parse(line);
        return new Command(c.name(), c.properties(), c.message());
    }
}
