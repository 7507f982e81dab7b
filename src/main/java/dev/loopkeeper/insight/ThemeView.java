package dev.loopkeeper.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A theme: its name, who hears of its spikes, and its keywords per language. */
public record ThemeView(
        UUID id,
        String name,
        String owner,
        Map<String, List<String>> keywords,
        String createdBy,
        Instant createdAt,
        boolean spiking) {}
