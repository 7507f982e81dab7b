package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.casework.CaseworkSettings.IdleClaim;
import dev.loopkeeper.casework.CaseworkSettings.IdleClaimTo;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Idle claims are set per segment in {@code loopkeeper.casework.idle-claims.<segment>}, the rest as before. */
class CaseworkSettingsTest {

    @Test
    void eachSegmentHasItsOwnIdlePeriodAndDestinationAndTheOthersKeepTheDefault() {
        CaseworkSettings settings = bind(Map.of(
                "loopkeeper.casework.claim-idle-after", "PT6H",
                "loopkeeper.casework.idle-claims.detractor.after", "PT2H",
                "loopkeeper.casework.idle-claims.detractor.to", "supervisors",
                "loopkeeper.casework.idle-claims.promoter.after", "P2D"));

        assertThat(settings.idleClaimOf("detractor"))
                .isEqualTo(new IdleClaim(Duration.ofHours(2), IdleClaimTo.SUPERVISORS));
        assertThat(settings.idleClaimOf("promoter")).isEqualTo(new IdleClaim(Duration.ofDays(2), IdleClaimTo.GROUP));
        assertThat(settings.idleClaimOf("passive")).isEqualTo(new IdleClaim(Duration.ofHours(6), IdleClaimTo.GROUP));
    }

    @Test
    void withNothingSetEveryClaimGoesBackToItsGroupAfterEightHours() {
        CaseworkSettings settings = bind(Map.of());

        assertThat(settings.idleClaimOf("detractor")).isEqualTo(new IdleClaim(Duration.ofHours(8), IdleClaimTo.GROUP));
    }

    private static CaseworkSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("loopkeeper.casework", CaseworkSettings.class);
    }
}
