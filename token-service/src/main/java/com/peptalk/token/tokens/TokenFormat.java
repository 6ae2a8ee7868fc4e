package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a token looks like: {@code ppt_<type>_<43 characters>}, a readable prefix naming the product and the
 * token type (so secret scanners and people can tell what leaked) followed by 256 random bits, base64url.
 */
final class TokenFormat {

    static final Pattern PATTERN = Pattern.compile("ppt_(co|pr|pg|us|ki)_[A-Za-z0-9_-]{43}");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static String newToken(ApiTokenType type, SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return "ppt_" + code(type) + "_" + BASE64URL.encodeToString(secret);
    }

    static boolean isWellFormed(String token) {
        return token != null && PATTERN.matcher(token).matches();
    }

    static Optional<ApiTokenType> typeOf(String token) {
        if (!isWellFormed(token)) {
            return Optional.empty();
        }
        return Optional.of(switch (token.substring(4, 6)) {
            case "co" -> ApiTokenType.COMPANY;
            case "pr" -> ApiTokenType.PROJECT;
            case "pg" -> ApiTokenType.PROJECT_GROUP;
            case "us" -> ApiTokenType.USER;
            default -> ApiTokenType.KIOSK;
        });
    }

    /** What an admin may see of a token without revealing it: the prefix and four characters. */
    static String displayPrefix(String token) {
        return token.substring(0, 11) + "…";
    }

    private static String code(ApiTokenType type) {
        return switch (type) {
            case COMPANY -> "co";
            case PROJECT -> "pr";
            case PROJECT_GROUP -> "pg";
            case USER -> "us";
            case KIOSK -> "ki";
        };
    }

    private TokenFormat() {
    }
}
