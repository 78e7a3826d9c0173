package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void closingScriptTagsCommentsAndLineSeparatorsAreEscaped() throws Exception {
        String json = new ObjectMapper().writeValueAsString(
                java.util.Map.of("title", "</script><script>alert(1)</script> <!-- a & b \u2028\u2029"));
        String safe = ScriptJson.escape(json);
        assertThat(safe).isEqualTo("{\"title\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                + " \\u003c!-- a \\u0026 b \\u2028\\u2029\"}");
        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(new ObjectMapper().readTree(safe)).isEqualTo(new ObjectMapper().readTree(json));
    }

    @Test
    void textWithoutSpecialCharactersIsReturnedAsIs() {
        String json = "{\"a\":[1,2,\"x\"]}";
        assertThat(ScriptJson.escape(json)).isSameAs(json);
    }
}
