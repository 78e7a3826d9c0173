package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV cells as OWASP's CSV-injection advice has them: a leading = + - @ tab or CR is prefixed with ' and quoted. */
class ApiFilesCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=1+2         | `\"'=1+2\"`",
        "+1           | `\"'+1\"`",
        "-1           | `\"'-1\"`",
        "@sre         | `\"'@sre\"`",
        "`\tx`        | `\"'\tx\"`",
        "`\rx`        | `\"'\rx\"`",
        "`x\r`        | `\"x\r\"`",
        "`a,=b`       | `\"a,=b\"`",
        "`say \"=\"`  | `\"say \"\"=\"\"\"`",
        "plain        | plain",
        "a-b          | a-b",
    })
    void aCellThatASpreadsheetWouldEvaluateIsNeutralised(String cell, String written) {
        assertThat(ApiFiles.csvField(cell)).isEqualTo(written);
    }
}
