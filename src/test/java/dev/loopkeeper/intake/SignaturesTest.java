package dev.loopkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature schemes, held to the Standard Webhooks reference vector and to Delighted's form. */
class SignaturesTest {

    /** The test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks). */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final Instant SENT = Instant.ofEpochSecond(SPEC_TIMESTAMP);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signsTheSpecVectorAsTheReferenceLibrariesDo() {
        assertThat(Signatures.standard(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void verifiesTheSpecVector() {
        assertThatCode(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        SENT.plusSeconds(30),
                        FIVE_MINUTES))
                .doesNotThrowAnyException();
    }

    @Test
    void duringRotationAnyOfSeveralSignaturesMayMatchAnyOfSeveralSecrets() {
        String oldSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = "v1,bm90IHRoaXMgb25l " + Signatures.standard(oldSecret, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)
                + " v1a,c29tZXRoaW5nIGVsc2U=";

        assertThatCode(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP),
                        header,
                        SPEC_BODY,
                        List.of(SPEC_SECRET, oldSecret),
                        SENT,
                        FIVE_MINUTES))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyIdOrTimestampBreaksTheSignature() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        changed,
                        List.of(SPEC_SECRET),
                        SENT,
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class);
        assertThatThrownBy(() -> Signatures.verifyStandard(
                        "msg_other",
                        String.valueOf(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        SENT,
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class);
        assertThatThrownBy(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP + 1),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        SENT,
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class);
    }

    @Test
    void aTimestampOutsideFiveMinutesEitherWayIsRefusedEvenWhenSignedRight() {
        assertThatThrownBy(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        SENT.plusSeconds(301),
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class)
                .hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        SENT.minusSeconds(301),
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class);
    }

    @Test
    void aTimestampSoFarOffThatItsDistanceOverflowsIsRefusedEvenWhenSignedRight() {
        Instant now = Instant.now();
        long wrapsAround = Long.MIN_VALUE + now.getEpochSecond();

        assertThatThrownBy(() -> Signatures.verifyStandard(
                        SPEC_ID,
                        String.valueOf(wrapsAround),
                        Signatures.standard(SPEC_SECRET, SPEC_ID, wrapsAround, SPEC_BODY),
                        SPEC_BODY,
                        List.of(SPEC_SECRET),
                        now,
                        FIVE_MINUTES))
                .isInstanceOf(WebhookRefused.class)
                .hasMessageContaining("5 minutes");
    }

    @Test
    void missingHeadersAndGarbageAreRefusedNotErrors() {
        for (String[] headers : new String[][] {
            {null, "1", "v1,x"},
            {SPEC_ID, null, "v1,x"},
            {SPEC_ID, "1", null},
            {SPEC_ID, "yesterday", SPEC_SIGNATURE},
            {SPEC_ID, String.valueOf(SPEC_TIMESTAMP), "v1,%%%"}
        }) {
            assertThatThrownBy(() -> Signatures.verifyStandard(
                            headers[0], headers[1], headers[2], SPEC_BODY, List.of(SPEC_SECRET), SENT, FIVE_MINUTES))
                    .isInstanceOf(WebhookRefused.class);
        }
    }

    @Test
    void delightedSignsTheBodyWithItsSecretAsHex() {
        byte[] body = "{\"event_type\":\"survey_response.created\"}".getBytes(StandardCharsets.UTF_8);
        String header = "sha256="
                + java.util.HexFormat.of()
                        .formatHex(dev.loopkeeper.sharedkernel.StandardWebhooks.hmac(
                                "delighted-secret".getBytes(StandardCharsets.UTF_8), body));

        assertThatCode(() -> Signatures.verifyDelighted(header, body, List.of("delighted-secret")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Signatures.verifyDelighted(header, body, List.of("another-secret")))
                .isInstanceOf(WebhookRefused.class);
        assertThatThrownBy(() -> Signatures.verifyDelighted("sha256=zz", body, List.of("delighted-secret")))
                .isInstanceOf(WebhookRefused.class);
        assertThatThrownBy(() -> Signatures.verifyDelighted(null, body, List.of("delighted-secret")))
                .isInstanceOf(WebhookRefused.class);
    }
}
