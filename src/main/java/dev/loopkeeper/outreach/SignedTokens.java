package dev.loopkeeper.outreach;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Tokens for links in customer messages: a payload and its HMAC-SHA256 under the reply secret, in URL-safe Base64.
 * Whoever holds one may use it, so it needs no table and cannot be made up; what the payload means (and when it
 * expires) is its issuer's business. Reply links and survey links are both sealed here.
 */
@Component
public class SignedTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE = 32;

    private final SecretKeySpec key;

    SignedTokens(OutreachSettings settings) {
        this.key = new SecretKeySpec(settings.replySecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String seal(byte[] payload) {
        byte[] token = Arrays.copyOf(payload, payload.length + SIGNATURE);
        System.arraycopy(sign(payload), 0, token, payload.length, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** @return the payload, if the token is {@code length} bytes of it signed by us; empty for anything else */
    public Optional<byte[]> open(String token, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != length + SIGNATURE) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, length);
        // Constant time, so response times do not reveal how much of a forged signature was right
        return MessageDigest.isEqual(sign(payload), Arrays.copyOfRange(bytes, length, bytes.length))
                ? Optional.of(payload)
                : Optional.empty();
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
