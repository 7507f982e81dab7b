package dev.loopkeeper.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void aMissingParameterIsKeptSoTheWordsCanStillBeSaid() {
        Words words = Words.of("sla.timeline.held-by", null, "team-emea");

        assertThat(words.params()).containsExactly(null, "team-emea");
    }
}
