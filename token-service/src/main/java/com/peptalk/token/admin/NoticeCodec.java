package com.peptalk.token.admin;

import com.peptalk.token.tokens.TokenProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries a {@link BatchOutcome} through the Post/Redirect/Get redirect in one query parameter, because the
 * admin keeps no HTTP session (any replica may serve the next request). The value is short, signed and expires
 * soon, so a link made by someone else cannot put words on an admin's page. The signing key is derived from the
 * token hash key every replica already shares; deriving it keeps the two uses apart.
 */
@Component
class NoticeCodec {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    NoticeCodec(TokenProperties properties, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(properties.hashKey().getBytes(StandardCharsets.UTF_8),
                ALGORITHM), "peptalk admin notice v1"), ALGORITHM);
        this.clock = clock;
    }

    /** {@code <issued, base 36>.<outcome>.<signature>}, URL-safe as it is. */
    String encode(BatchOutcome outcome) {
        String payload = Long.toString(clock.instant().getEpochSecond(), 36) + "." + body(outcome);
        return payload + "." + signature(payload);
    }

    /** The outcome, unless the value is malformed, forged or stale; then the page just shows no notice. */
    Optional<BatchOutcome> decode(String value) {
        if (value == null || value.length() > 300) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long issued = Long.parseLong(parts[0], 36);
            long now = clock.instant().getEpochSecond();
            if (issued > now + CLOCK_SKEW.toSeconds() || issued < now - TIME_TO_LIVE.toSeconds()) {
                return Optional.empty();
            }
            return Optional.of(outcome(parts[1]));
        }
        catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static String body(BatchOutcome outcome) {
        return switch (outcome) {
            case BatchOutcome.Generated generated -> "g-" + generated.created() + "-" + generated.skipped();
            case BatchOutcome.NothingSelected ignored -> "n";
            case BatchOutcome.NoAction ignored -> "a";
            case BatchOutcome.TooMany ignored -> "t";
            case BatchOutcome.UnknownGroups unknown -> "u-" + unknown.ids().stream().map(String::valueOf)
                    .collect(Collectors.joining("_")) + "-" + unknown.more();
        };
    }

    private static BatchOutcome outcome(String body) {
        String[] fields = body.split("-", -1);
        return switch (fields[0]) {
            case "g" -> new BatchOutcome.Generated(count(fields[1]), count(fields[2]));
            case "n" -> new BatchOutcome.NothingSelected();
            case "a" -> new BatchOutcome.NoAction();
            case "t" -> new BatchOutcome.TooMany();
            case "u" -> {
                List<Long> ids = new ArrayList<>();
                Arrays.stream(fields[1].split("_")).map(Long::valueOf).forEach(ids::add);
                yield new BatchOutcome.UnknownGroups(ids, count(fields[2]));
            }
            default -> throw new IllegalArgumentException("unknown notice " + fields[0]);
        };
    }

    private static int count(String field) {
        int count = Integer.parseInt(field);
        if (count < 0) {
            throw new IllegalArgumentException("negative count");
        }
        return count;
    }

    private String signature(String payload) {
        return BASE64URL.encodeToString(Arrays.copyOf(hmac(key, payload), SIGNATURE_BYTES));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
