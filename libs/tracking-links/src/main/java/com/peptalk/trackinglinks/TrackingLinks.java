package com.peptalk.trackinglinks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds and verifies tracking-service's signed links: the open pixel ({@code /t/o}), the click redirect
 * ({@code /t/c}) and the RFC 8058 one-click unsubscribe URL ({@code /t/u}), all under the public base URL.
 *
 * <p>Query parameters: {@code m} the message id, {@code u} the click target, {@code a} the address to unsubscribe,
 * {@code t} when the link was built (Unix seconds: a click within moments of sending is a link scanner's),
 * {@code k} the key id and {@code s} the signature: HMAC-SHA256 (RFC 2104) under key {@code k} over
 * {@code "peptalk-link-v1\n" + k + "\n" + kind + "\n" + m + "\n" + t + "\n" + (u or a or "")}, base64url without padding
 * (RFC 4648 §5). The key id is signed too, so a link cannot be moved to another key. Keys rotate: one signs, every
 * configured key verifies, so links already in mailboxes keep working until their key is removed.
 *
 * <p>Thread-safe and immutable. Bad input to a builder is an {@link IllegalArgumentException}; a link that does not
 * verify is an empty {@link Optional} (never an exception), whatever its parameters hold.
 */
public final class TrackingLinks {

    /** Query parameter names of the link format. */
    public static final String MESSAGE = "m", TARGET = "u", ADDRESS = "a", ISSUED_AT = "t", KEY_ID = "k", SIGNATURE = "s";

    /** The longest click target accepted, in characters (what common browsers and mail clients keep intact). */
    public static final int MAX_TARGET_LENGTH = 2048;

    /** The shortest key accepted, in bytes of its UTF-8 form: as long as the HMAC-SHA256 output (RFC 2104 §3). */
    public static final int MIN_KEY_BYTES = 32;

    private static final Pattern KEY_ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern ADDRESS_SHAPE = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}");
    private static final Pattern SIGNATURE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SECONDS_SHAPE = Pattern.compile("[0-9]{1,12}");

    private final String base;
    private final String signingKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param publicBaseUrl the address mail clients reach tracking-service at (the gateway), absolute http or https
     * @param signingKeyId the id of the key that signs new links; must be one of {@code keys}
     * @param keys every key that verifies links, by id ({@code [A-Za-z0-9_-]{1,32}}); each at least
     *             {@value #MIN_KEY_BYTES} bytes
     * @throws IllegalArgumentException naming what is wrong (never the key itself)
     */
    public TrackingLinks(URI publicBaseUrl, String signingKeyId, Map<String, String> keys) {
        this(publicBaseUrl, signingKeyId, keys, Clock.systemUTC());
    }

    /** As {@link #TrackingLinks(URI, String, Map)}, with the clock that dates new links. */
    public TrackingLinks(URI publicBaseUrl, String signingKeyId, Map<String, String> keys, Clock clock) {
        this.clock = clock;
        if (publicBaseUrl == null || !isWebAddress(publicBaseUrl)) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http or https URL");
        }
        String text = publicBaseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        (keys == null ? Map.<String, String>of() : keys).forEach((id, secret) -> {
            if (id == null || !KEY_ID_SHAPE.matcher(id).matches()) {
                throw new IllegalArgumentException("key ids must match " + KEY_ID_SHAPE.pattern());
            }
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' must be at least " + MIN_KEY_BYTES + " bytes long");
            }
            specs.put(id, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        });
        if (signingKeyId == null || !specs.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("signingKeyId must name one of the keys");
        }
        this.signingKeyId = signingKeyId;
        this.keys = Map.copyOf(specs);
    }

    /** The open pixel of {@code messageId}: {@code <base>/t/o?m=..&k=..&s=..}. */
    public URI openPixel(UUID messageId) {
        return build(TrackedLink.Kind.OPEN, messageId, null, "");
    }

    /**
     * The click link that records a click on {@code target} in {@code messageId} and redirects there.
     *
     * @throws IllegalArgumentException when {@code target} is not an absolute http or https URL of at most
     *                                  {@value #MAX_TARGET_LENGTH} characters
     */
    public URI click(UUID messageId, URI target) {
        if (target == null || !isWebAddress(target) || target.toString().length() > MAX_TARGET_LENGTH) {
            throw new IllegalArgumentException("target must be an absolute http or https URL of at most " + MAX_TARGET_LENGTH + " characters");
        }
        return build(TrackedLink.Kind.CLICK, messageId, TARGET, target.toString());
    }

    /**
     * The RFC 8058 one-click unsubscribe URL for {@code address}, which received {@code messageId}: put it in
     * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}.
     *
     * @throws IllegalArgumentException when {@code address} is not shaped like an email address
     */
    public URI unsubscribe(UUID messageId, String address) {
        if (address == null || !ADDRESS_SHAPE.matcher(address).matches()) {
            throw new IllegalArgumentException("address must be an email address");
        }
        return build(TrackedLink.Kind.UNSUBSCRIBE, messageId, ADDRESS, address);
    }

    /**
     * Verifies a link of {@code kind} from its query parameters ({@link #MESSAGE}, {@link #TARGET} or
     * {@link #ADDRESS}, {@link #KEY_ID}, {@link #SIGNATURE}), in constant time over the signature.
     *
     * @return what the link says, or empty when a parameter is missing or malformed, the key is unknown or the
     *         signature does not match
     */
    public Optional<TrackedLink> verify(TrackedLink.Kind kind, Map<String, String> parameters) {
        String keyId = parameters.get(KEY_ID);
        String signature = parameters.get(SIGNATURE);
        UUID messageId = uuid(parameters.get(MESSAGE));
        String issuedAt = parameters.get(ISSUED_AT);
        String value = switch (kind) {
            case OPEN -> "";
            case CLICK -> parameters.get(TARGET);
            case UNSUBSCRIBE -> parameters.get(ADDRESS);
        };
        if (keyId == null || !keys.containsKey(keyId) || signature == null || !SIGNATURE_SHAPE.matcher(signature).matches()
                || messageId == null || value == null || issuedAt == null || !SECONDS_SHAPE.matcher(issuedAt).matches()) {
            return Optional.empty();
        }
        byte[] expected = mac(keyId, kind, messageId, issuedAt, value);
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(signature))) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(issuedAt));
        return switch (kind) {
            case OPEN -> Optional.of(new TrackedLink(kind, messageId, keyId, null, null, issued));
            case CLICK -> webAddress(value).map(target -> new TrackedLink(kind, messageId, keyId, target, null, issued));
            case UNSUBSCRIBE -> Optional.of(new TrackedLink(kind, messageId, keyId, null, value, issued));
        };
    }

    private URI build(TrackedLink.Kind kind, UUID messageId, String parameter, String value) {
        if (messageId == null) {
            throw new IllegalArgumentException("messageId is required");
        }
        String issuedAt = String.valueOf(clock.instant().getEpochSecond());
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signingKeyId, kind, messageId, issuedAt, value));
        StringBuilder url = new StringBuilder(base).append(kind.path()).append('?').append(MESSAGE).append('=').append(messageId);
        if (parameter != null) {
            url.append('&').append(parameter).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        url.append('&').append(ISSUED_AT).append('=').append(issuedAt);
        url.append('&').append(KEY_ID).append('=').append(signingKeyId).append('&').append(SIGNATURE).append('=').append(signature);
        return URI.create(url.toString());
    }

    private byte[] mac(String keyId, TrackedLink.Kind kind, UUID messageId, String issuedAt, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(keys.get(keyId));
            String canonical = "peptalk-link-v1\n" + keyId + "\n" + kind.name().toLowerCase(Locale.ROOT) + "\n" + messageId + "\n" + issuedAt + "\n" + value;
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is a JDK-mandated algorithm (java.security standard names); a failure here is a broken JDK
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase(Locale.ROOT)) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<URI> webAddress(String text) {
        try {
            URI uri = new URI(text);
            return isWebAddress(uri) && text.length() <= MAX_TARGET_LENGTH ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isWebAddress(URI uri) {
        String scheme = uri.getScheme();
        return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }
}
