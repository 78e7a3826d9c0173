package dev.hindsight.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsTest {

    private static final List<String> HOSTILE = List.of("", ".", "..", "../..", "../../etc/passwd", "/", "\\..\\x",
            "a/../../b", "%2e%2e", "..\u2215..", "CON", " ", "-", "~", "日本", "a\u0000b", "tier 1/../..");

    @Test
    void slugsAreLowercaseWordsJoinedByDashes() {
        assertThat(Slugs.slug("payments")).isEqualTo("payments");
        assertThat(Slugs.slug("Tier 1")).isEqualTo("tier-1");
        assertThat(Slugs.slug("tier-1")).isEqualTo("tier-1");
        assertThat(Slugs.slug("  Orders_DB  (primary) ")).isEqualTo("orders-db-primary");
        assertThat(Slugs.slug("Données clients")).isEqualTo("donnees-clients");
        assertThat(Slugs.slug("--a--b--")).isEqualTo("a-b");
        assertThat(Slugs.slug("日本")).isEqualTo("u65e5-u672c");
        assertThat(Slugs.slug("")).isEqualTo("x");
        assertThat(Slugs.slug("x".repeat(200))).hasSize(80);
    }

    @Test
    void alertSegmentsKeepCaseAndEncodeTheRest() {
        assertThat(Slugs.segment("PaymentsHighMemory")).isEqualTo("PaymentsHighMemory");
        assertThat(Slugs.segment("api.latency_p99-high")).isEqualTo("api.latency_p99-high");
        assertThat(Slugs.segment("Disk full")).isEqualTo("Disk~20full");
        assertThat(Slugs.segment("a/b")).isEqualTo("a~2Fb");
        assertThat(Slugs.segment("~")).isEqualTo("~7E");
        assertThat(Slugs.segment("..")).isEqualTo("~2E~2E");
        assertThat(Slugs.segment(".")).isEqualTo("~2E");
        assertThat(Slugs.segment("...x")).isEqualTo("...x");
        assertThat(Slugs.segment("Ü")).isEqualTo("~C3~9C");
        assertThat(Slugs.segment("")).isEqualTo("~");
    }

    @Test
    void noNameEverLeavesItsFolder() {
        Path out = Path.of("/site/tags");
        for (String name : HOSTILE) {
            for (String segment : List.of(Slugs.slug(name), Slugs.segment(name))) {
                assertThat(segment).as("for %s", name).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..")
                        .doesNotContain("/", "\\", "\u0000");
                assertThat(out.resolve(segment).normalize().getParent()).as("for %s", name).isEqualTo(out);
            }
            assertThat(Slugs.slug(name)).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(Slugs.segment(name)).matches("[A-Za-z0-9._~-]+");
        }
    }

    @Test
    void differentAlertNamesNeverShareASegment() {
        List<String> names = List.of("A B", "A~20B", "A_B", "A-B", "A.B", "a b");
        assertThat(names.stream().map(Slugs::segment)).doesNotHaveDuplicates();
    }

    @Test
    void titlesBecomeLowerCaseWordsJoinedByDashes() {
        assertThat(Slugs.slug("Checkout outage: card payments failed!")).isEqualTo("checkout-outage-card-payments-failed");
        assertThat(Slugs.slug("Ünïcode café")).isEqualTo("unicode-cafe");
        assertThat(Slugs.slug("ﬁber ½ cut")).isEqualTo("fiber-1-2-cut");
    }
}
