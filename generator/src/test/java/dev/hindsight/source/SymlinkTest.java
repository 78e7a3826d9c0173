package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkTest {

    @TempDir
    Path tmp;

    @Test
    void linksLeavingTheRootAreReportedAndNotFollowedFilesOrFolders() throws IOException {
        Path outside = SiteFixture.write(tmp.resolve("outside"), """
                -- secret.md --
                # Secret
                -- folder/leak.md --
                # Leak
                """);
        Path root = SiteFixture.write(tmp.resolve("site"), """
                -- postmortems/real.md --
                # Real
                """);
        Files.createSymbolicLink(root.resolve("postmortems/secret.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("postmortems/folder"), outside.resolve("folder"));
        Files.createSymbolicLink(root.resolve("postmortems/alias.md"), root.resolve("postmortems/real.md"));
        Files.createSymbolicLink(root.resolve("again"), root.resolve("postmortems"));
        Files.createSymbolicLink(root.resolve("postmortems/loop"), root);

        Diagnostics diagnostics = new Diagnostics();
        assertThat(new SiteSource(root, new YamlReader()).scan(Set.of(), diagnostics))
                .containsExactly("postmortems/alias.md", "postmortems/real.md");
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "postmortems/folder:1:1: warning[symlink-outside-root]: symbolic link to a folder outside the site root;"
                        + " not followed",
                "postmortems/secret.md:1:1: warning[symlink-outside-root]: symbolic link points outside the site root;"
                        + " not followed");
    }
}
