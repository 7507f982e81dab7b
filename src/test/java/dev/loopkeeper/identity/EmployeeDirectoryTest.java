package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a comment names an entry of the directory: whole words; a person as names are written. */
class EmployeeDirectoryTest {

    @ParameterizedTest(name = "\"{0}\" names {1}: {2}")
    @CsvSource({
        "Jonas at the Madrid store was brilliant, Jonas, true",
        "Thanks to Jonas!, Jonas, true",
        "jonas was nice, Jonas, false",
        "Jonasson helped me, Jonas, false",
        "I will come back, Will, false",
        "Will sorted it, Will, true",
        "Ana García was kind, Ana García, true",
        "Banana split, Ana, false",
    })
    void aNameCountsAsAWholeCapitalisedWord(String comment, String name, boolean names) {
        assertThat(EmployeeDirectory.mentions(comment, name)).isEqualTo(names);
    }

    @ParameterizedTest(name = "\"{0}\" names {1}: {2}")
    @CsvSource({
        "The installation team was on time, Installation team, true",
        "INSTALLATION TEAM rocks, Installation team, true",
        "The installation teams were late, Installation team, false",
        "Loved the Berlin store, Berlin store, true",
    })
    void aPlaceTeamOrProcessCountsAsWholeWordsInAnyCase(String comment, String name, boolean names) {
        assertThat(EmployeeDirectory.mentionsAnyCase(comment, name)).isEqualTo(names);
    }
}
