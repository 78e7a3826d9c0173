package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Images and files linked from documents are copied beside the pages; missing ones are diagnosed. */
class LinkedFilesTest {

    private static final String RUNBOOK = """
            ---
            title: Disk
            service: node
            owner: sre
            last_reviewed: 2024-01-01
            ---
            ## Overview
            ![the disk graph](img/disk.png) and the [checklist](files/check%%20list.pdf#page=2).
            <p>Raw: <img src="img/raw.png" alt="raw"></p>

            ![gone](img/nope.png) ![hidden](.private/key.png) ![outside](img/out.png)
            %s
            ## Symptoms
            Full.
            ## Diagnosis
            1. Look.
            ## Mitigation
            ```sh
            df -h
            ```
            ## Validation
            Space.
            ## Escalation
            SRE.
            """;

    @TempDir
    Path tmp;

    private Path site;
    private byte[] png;

    @BeforeEach
    void site() throws IOException {
        site = SiteFixture.write(tmp.resolve("site"), """
                -- hindsight.yml --
                title: Assets
                -- runbooks/disk.md --
                %s-- runbooks/other.md --
                %s""".formatted(RUNBOOK.formatted(""), RUNBOOK.formatted("<img src='../runbooks/img/disk.png'>")
                .replace("title: Disk", "title: Other")));
        png = png(3, 2);
        Files.createDirectories(site.resolve("runbooks/img"));
        Files.write(site.resolve("runbooks/img/disk.png"), png);
        Files.write(site.resolve("runbooks/img/raw.png"), png(5, 5));
        Files.createDirectories(site.resolve("runbooks/files"));
        Files.writeString(site.resolve("runbooks/files/check list.pdf"), "%PDF-1.4 fake\n");
        Files.createDirectories(site.resolve("runbooks/.private"));
        Files.write(site.resolve("runbooks/.private/key.png"), png);
        Path secret = Files.writeString(tmp.resolve("secret.png"), "not for the site");
        Files.createSymbolicLink(site.resolve("runbooks/img/out.png"), secret);
    }

    private static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void checkReportsMissingHiddenAndOutsideFilesAtTheirPosition() {
        BuildResult result = new Hindsight().check(BuildOptions.check(site).withReferenceDate(LocalDate.of(2024, 1, 2)));
        assertThat(result.diagnostics().stream().filter(d -> !d.ruleId().startsWith("git"))
                .filter(d -> d.position().file().equals("runbooks/disk.md")).map(Diagnostic::toString)).containsExactly(
                "runbooks/disk.md:11:1: error[missing-asset]: image `img/nope.png` points to runbooks/img/nope.png, "
                        + "which does not exist",
                "runbooks/disk.md:11:23: error[missing-asset]: image `.private/key.png` points to "
                        + "runbooks/.private/key.png, a hidden file; hidden files are never copied to the site",
                "runbooks/disk.md:11:51: error[missing-asset]: image `img/out.png` points to runbooks/img/out.png, "
                        + "a symbolic link to outside the site; it is not copied");
    }

    @Test
    void buildCopiesEachLinkedFileOnceToItsOwnPath() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult result = new SiteBuilder().run(BuildOptions.build(site, out).withReferenceDate(LocalDate.of(2024, 1, 2)));
        assertThat(result.diagnostics()).extracting(Diagnostic::ruleId).doesNotContain("page-conflict", "broken-link");
        assertThat(Files.readAllBytes(out.resolve("runbooks/img/disk.png"))).isEqualTo(png);
        assertThat(Files.readAllBytes(out.resolve("runbooks/img/raw.png"))).isEqualTo(png(5, 5));
        assertThat(Files.readString(out.resolve("runbooks/files/check list.pdf"))).isEqualTo("%PDF-1.4 fake\n");
        assertThat(out.resolve("runbooks/img/out.png")).doesNotExist();
        assertThat(out.resolve("runbooks/.private")).doesNotExist();
        assertThat(out.resolve("runbooks/img/nope.png")).doesNotExist();
        try (var files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("disk.png")).toList()).hasSize(1);
        }
        Document page = Jsoup.parse(Files.readString(out.resolve("runbooks/disk/index.html"), StandardCharsets.UTF_8));
        assertThat(page.select("main img, article img").eachAttr("src")).contains("../img/disk.png", "../img/raw.png");
        assertThat(page.select("a[href*=check]").eachAttr("href")).containsExactly("../files/check%20list.pdf#page=2");
        Document other = Jsoup.parse(Files.readString(out.resolve("runbooks/other/index.html"), StandardCharsets.UTF_8));
        assertThat(other.select("img[src$=disk.png]").eachAttr("src")).contains("../../runbooks/img/disk.png");
    }

    @Test
    void imagesLoadOverFileUrls() throws IOException {
        Browser.assumeInstalled();
        Path out = tmp.resolve("out");
        new SiteBuilder().run(BuildOptions.build(site, out).withReferenceDate(LocalDate.of(2024, 1, 2)));
        ChromeDriver driver = Browser.start(tmp.resolve("profile"));
        try {
            driver.get(out.resolve("runbooks/disk/index.html").toUri().toString());
            JavascriptExecutor js = driver;
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return Array.from(document.images).every(i => i.complete)")));
            @SuppressWarnings("unchecked")
            List<Object> widths = (List<Object>) js.executeScript(
                    "return ['disk.png', 'raw.png', 'nope.png'].map(n => {"
                            + " const i = Array.from(document.images).find(x => x.getAttribute('src').endsWith(n));"
                            + " return i ? i.naturalWidth : -1; })");
            assertThat(widths).containsExactly(3L, 5L, 0L);
        } finally {
            driver.quit();
        }
    }

    @Test
    void aPreviewUpdatesAChangedImageAndCopiesANewlyLinkedOne() throws IOException {
        Path out = tmp.resolve("preview");
        PreviewSession session = new PreviewSession(BuildOptions.build(site, out).withReferenceDate(LocalDate.of(2024, 1, 2)));
        session.update(List.of());
        assertThat(Files.readAllBytes(out.resolve("runbooks/img/disk.png"))).isEqualTo(png);

        byte[] bigger = png(7, 7);
        Path image = site.resolve("runbooks/img/disk.png");
        Files.write(image, bigger);
        session.update(List.of(image));
        assertThat(Files.readAllBytes(out.resolve("runbooks/img/disk.png"))).isEqualTo(bigger);

        Files.write(site.resolve("runbooks/img/new.png"), png(9, 9));
        Path doc = site.resolve("runbooks/disk.md");
        Files.writeString(doc, Files.readString(doc).replace("Full.", "Full. ![new](img/new.png)"));
        PreviewSession.Update update = session.update(List.of(doc));
        assertThat(update.full()).isFalse();
        assertThat(Files.readAllBytes(out.resolve("runbooks/img/new.png"))).isEqualTo(png(9, 9));
        assertThat(Set.copyOf(update.result().diagnostics().stream().map(Diagnostic::ruleId).toList()))
                .doesNotContain("page-conflict");
    }
}
