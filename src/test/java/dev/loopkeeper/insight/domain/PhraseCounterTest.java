package dev.loopkeeper.insight.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Suggested themes from a known corpus: the phrases that come out on top, and what is left out. */
class PhraseCounterTest {

    final Languages languages = new Languages(List.of("en", "de", "es", "fr"), "en");
    final UUID waiting = UUID.randomUUID();
    final Taxonomy taxonomy =
            Taxonomy.of(1, List.of(new Taxonomy.Entry(waiting, "Waiting", Map.of("en", List.of("wait", "queue")))));

    static final List<String> CORPUS = List.of(
            "The roaming charges on my bill were a shock, nobody told me about roaming charges.",
            "Roaming charges again! I waited an hour in the queue to complain.",
            "Unexpected roaming charges after my holiday in France.",
            "The mobile app keeps logging me out. The mobile app is useless.",
            "Your mobile app crashed twice while I was paying.",
            "I had to wait for the engineer all day and he never came.",
            "Engineer never came, no call.",
            "The engineer was late.");

    PhraseCounter counted() {
        PhraseCounter counter = new PhraseCounter(languages, taxonomy);
        for (String comment : CORPUS) {
            counter.count(new PhraseCounter.Comment(UUID.randomUUID(), comment, "en"));
        }
        return counter;
    }

    @Test
    void theMostFrequentPhrasesComeFirstEachCommentCountingOnce() {
        List<PhraseCounter.Phrase> top = counted().top(5, 2, 3);

        assertThat(top)
                .extracting(PhraseCounter.Phrase::phrase, PhraseCounter.Phrase::comments)
                .containsExactly(
                        tuple("roaming charges", 3),
                        tuple("charges", 3),
                        tuple("engineer", 3),
                        tuple("roaming", 3),
                        tuple("mobile app", 2));
        assertThat(top.get(0).examples()).hasSize(3);
    }

    @Test
    void stopWordsAndWordsAThemeCoversAreLeftOut() {
        List<String> phrases = counted().top(100, 1, 1).stream()
                .map(PhraseCounter.Phrase::phrase)
                .toList();

        assertThat(phrases).doesNotContain("the", "was", "never", "after", "i", "me");
        // "wait" covers "waited" and the queue; a phrase with a covered word is covered too
        assertThat(phrases).doesNotContain("wait", "waited", "queue", "waited hour");
        // "never" is a stop word: no phrase spans it, and the word beside it still counts
        assertThat(phrases).contains("came", "engineer").doesNotContain("engineer never", "never came");
    }

    @Test
    void aCommentIsReadWithTheStopWordsOfItsLanguage() {
        PhraseCounter counter = new PhraseCounter(languages, taxonomy);
        for (int i = 0; i < 3; i++) {
            counter.count(new PhraseCounter.Comment(
                    UUID.randomUUID(),
                    "Die Rechnung ist immer noch falsch und die Hotline ist nicht erreichbar",
                    "de"));
        }

        assertThat(counter.top(10, 3, 1))
                .extracting(PhraseCounter.Phrase::phrase)
                .containsExactly("erreichbar", "falsch", "hotline", "rechnung");
    }

    @Test
    void theLanguageIsTheNamedOneElseTheOneWhoseStopWordsTheCommentUses() {
        assertThat(languages.of("The bill was wrong and nobody called", null)).isEqualTo("en");
        assertThat(languages.of("Die Rechnung war falsch und niemand hat angerufen", null))
                .isEqualTo("de");
        assertThat(languages.of("La factura estaba mal y nadie me llamó", null)).isEqualTo("es");
        assertThat(languages.of("Rechnung falsch", "de-AT")).isEqualTo("de");
        assertThat(languages.of("??", null)).isEqualTo("en");
    }
}
