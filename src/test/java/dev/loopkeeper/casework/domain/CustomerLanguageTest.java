package dev.loopkeeper.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerLanguageTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "de, de",
                "de-AT, de",
                "es_MX, es",
                "' ES ', es",
                "en-GB, en",
                "none, none",
                "'', none",
                "German, none",
                "../../de, none",
                "de/../x, none",
                "x-private, none"
            })
    void aResponsesLanguageBecomesItsTwoLettersOrNone(String given, String kept) {
        assertThat(CustomerLanguage.of(given)).isEqualTo(kept);
    }
}
