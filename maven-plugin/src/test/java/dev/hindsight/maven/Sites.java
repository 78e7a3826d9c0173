package dev.hindsight.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small knowledge bases written into a temporary folder. */
final class Sites {

    static final String VALID_RUNBOOK = """
            ---
            title: Checkout
            service: checkout
            owner: payments-team
            last_reviewed: %s
            ---

            ## Overview

            Takes orders and payments.

            ## Symptoms

            - Checkout errors rise.

            ## Diagnosis

            1. Check the dashboards.

            ## Mitigation

            ```bash
            kubectl -n checkout rollout undo deploy/checkout
            ```

            ## Validation

            - Error rate back to normal.

            ## Escalation

            - The payments-team on-call.
            """;

    private Sites() {
    }

    /** A site with one valid runbook last reviewed on {@code lastReviewed}. */
    static Path runbookSite(Path root, String lastReviewed) {
        write(root, "hindsight.yml", "title: Test\n");
        write(root, "runbooks/checkout.md", VALID_RUNBOOK.formatted(lastReviewed));
        return root;
    }

    static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
