package dev.hindsight.diag;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Lets tests of other packages check a report with {@link GitlabFormatterTest#violations}. */
public final class GitlabFormatterTestAccess {

    private GitlabFormatterTestAccess() {
    }

    public static List<String> violations(JsonNode report) {
        return GitlabFormatterTest.violations(report);
    }
}
