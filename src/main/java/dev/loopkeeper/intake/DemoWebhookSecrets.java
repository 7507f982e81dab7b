package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.WebhookSecretRows;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The demo's webhook sources: Delighted, and {@code survey-tool} for Standard Webhooks deliveries, each with a secret
 * the README shows. Added once; an admin may rotate or remove them like any other.
 */
@Component
@Profile("demo")
class DemoWebhookSecrets implements ApplicationRunner {

    static final String DELIGHTED = "demo-delighted-secret";
    /** base64 of "loopkeeper-demo-webhook-secret!!" (32 bytes) */
    static final String SURVEY_TOOL = "whsec_bG9vcGtlZXBlci1kZW1vLXdlYmhvb2stc2VjcmV0ISE=";

    private final WebhookSecretRows secrets;
    private final IntakeSettings settings;
    private final Clock clock;

    DemoWebhookSecrets(WebhookSecretRows secrets, IntakeSettings settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        add(settings.delighted().source(), DELIGHTED);
        add("survey-tool", SURVEY_TOOL);
    }

    private void add(String source, String secret) {
        if (!secrets.secretsOf(source).contains(secret)) {
            try {
                secrets.add(source, secret, clock.instant(), "demo");
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                // the second node of a demo cluster starting at the same moment: the secret is there
            }
        }
    }
}
