package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The themes of one case's response (case id = response id). The agent who resolves the case may correct them:
 * their judgement replaces what the keywords found, is kept with who made it and when, and later changes of the
 * themes no longer retag that response. Who may judge is casework's rule; this records it.
 */
@Service
@Transactional
public class CaseThemes {

    /** A theme of the response, and whether an agent decided it. */
    public record Tag(UUID themeId, String theme, boolean byAgent) {}

    private final Voices voices;
    private final ThemeRows themes;
    private final Clock clock;

    CaseThemes(Voices voices, ThemeRows themes, Clock clock) {
        this.voices = voices;
        this.themes = themes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Tag> of(UUID caseId) {
        Map<UUID, String> names = names();
        return voices.tagsOf(caseId).stream()
                .filter(t -> names.containsKey(t.themeId()))
                .map(t -> new Tag(t.themeId(), names.get(t.themeId()), Voices.AGENT.equals(t.origin())))
                .sorted(Comparator.comparing(Tag::theme))
                .toList();
    }

    /** Whether an agent has decided the response's themes. */
    @Transactional(readOnly = true)
    public boolean judged(UUID caseId) {
        return voices.find(caseId).map(Voices.Untagged::judged).orElse(false);
    }

    /** The agent's themes for the response, replacing what keywords found. */
    public void judge(UUID caseId, Set<UUID> themeIds, Actor by) {
        Map<UUID, String> names = names();
        for (UUID id : themeIds) {
            if (!names.containsKey(id)) {
                throw new Refusal("No theme " + id, Words.of("insight.refused.no-theme", id));
            }
        }
        voices.find(caseId).orElseThrow(() -> new IllegalArgumentException("No response " + caseId + " to tag"));
        String before = of(caseId).stream().map(Tag::theme).collect(Collectors.joining(", "));
        String after = themeIds.stream().map(names::get).sorted().collect(Collectors.joining(", "));
        voices.judge(caseId, new LinkedHashSet<>(themeIds), by.userId(), clock.instant(), before, after);
    }

    private Map<UUID, String> names() {
        Map<UUID, String> names = new HashMap<>();
        themes.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }
}
