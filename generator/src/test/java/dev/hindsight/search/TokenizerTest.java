package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void incidentIdsAreKeptWholeAndInPieces() {
        assertThat(Tokenizer.terms("INC-2024-031.")).containsExactly("inc-2024-031", "inc", "2024", "031");
    }

    @Test
    void alertNamesAreKeptWholeAndSplitAtCamelCase() {
        assertThat(Tokenizer.terms("HighErrorRate")).containsExactly("higherrorrate", "high", "error", "rate");
        assertThat(Tokenizer.terms("ApiGatewayLatencyP99High"))
                .containsExactly("apigatewaylatencyp99high", "api", "gateway", "latency", "p99", "high");
        assertThat(Tokenizer.terms("HTTP500Errors")).containsExactly("http500errors", "http500", "errors");
    }

    @Test
    void acronymsEndBeforeTheNextCapitalisedWord() {
        assertThat(Tokenizer.terms("OOMKilled")).containsExactly("oomkilled", "oom", "killed");
        assertThat(Tokenizer.terms("parseJSONBody")).containsExactly("parsejsonbody", "parse", "json", "body");
    }

    @Test
    void codesWithDigitsStayWhole() {
        assertThat(Tokenizer.terms("5xx rate above p99, http2 and k8s")).containsExactly(
                "5xx", "rate", "above", "p99", "http2", "and", "k8s");
    }

    @Test
    void oneLetterCamelPartsJoinTheirNeighbour() {
        assertThat(Tokenizer.terms("IPv6 iPhone AbcD")).containsExactly("ipv6", "iphone", "abcd");
    }

    @Test
    void hyphensUnderscoresAndDotsJoinOnlyBetweenWordCharacters() {
        assertThat(Tokenizer.terms("rate-of-change snake_case node.js 4.12.1 end. -x- a--b"))
                .containsExactly("rate-of-change", "rate", "of", "change", "snake_case", "snake", "case",
                        "node.js", "node", "js", "4.12.1", "12", "end");
        assertThat(Tokenizer.terms("orders-db/primary: kubectl rollout undo deploy/checkout"))
                .containsExactly("orders-db", "orders", "db", "primary", "kubectl", "rollout", "undo", "deploy",
                        "checkout");
    }

    @Test
    void piecesOfACompoundAreSplitAtCamelCaseToo() {
        assertThat(Tokenizer.terms("svc.HighErrorRate"))
                .containsExactly("svc.higherrorrate", "svc", "higherrorrate", "high", "error", "rate");
    }

    @Test
    void unicodeIsLowerCasedWithoutLocaleAndAccentsAreFolded() {
        assertThat(Tokenizer.terms("Zürich CAFÉ naïve Cafe\u0301 İstanbul ΟΔΟΣ")).containsExactly(
                "zurich", "cafe", "naive", "cafe", "istanbul", "οδος");
        assertThat(Tokenizer.terms("Сервер упал: ошибка 503")).containsExactly("сервер", "упал", "ошибка", "503");
        assertThat(Tokenizer.terms("東京 サーバー障害")).containsExactly("東京", "サーバー障害");
    }

    @Test
    void punctuationSymbolsAndEmojiSeparate() {
        assertThat(Tokenizer.terms("db\u2014pool \uD83D\uDD25fire\uD83D\uDD25 «quoted» <b>bold</b>"))
                .containsExactly("db", "pool", "fire", "quoted", "bold");
    }

    @Test
    void tooShortAndTooLongTermsAreDropped() {
        String sha = "0123456789abcdef0123456789abcdef01234567ff";
        assertThat(Tokenizer.terms("a I x " + sha)).isEmpty();
        assertThat(Tokenizer.terms(sha.substring(0, 40))).containsExactly(sha.substring(0, 40));
        assertThat(Tokenizer.terms("x-" + sha.substring(0, 39))).containsExactly(sha.substring(0, 39));
    }
}
