package com.peptalk.gateway.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin API keys, known only by their SHA-256. A key is random and long (the local run makes 40 letters and
 * digits), so an unsalted fast hash is enough: nobody can guess back from the hash, and a slow password hash
 * would cost every admin request. The presented key's hash is compared with every configured hash in constant
 * time ({@link MessageDigest#isEqual}), so timing tells nothing about how close a guess came or which key matched.
 * A key's admin holds the admin authority ({@code jwt.required-authority}), as an issuer's admin token must.
 */
@Component
class ApiKeys {

    /** The admin behind a key: {@code api-key:} and the start of the key's hash, never the key itself. */
    static final String SUBJECT_PREFIX = "api-key:";

    /** Hex digits of the hash that name a key; 48 bits tell the configured keys apart, and reveal nothing. */
    private static final int ID_LENGTH = 12;

    /** Longer than any sensible key: not even hashed. */
    private static final int MAX_KEY_LENGTH = 512;

    private final List<byte[]> hashes;
    private final List<String> subjects;
    private final String adminAuthority;

    ApiKeys(AdminProperties properties) {
        this.adminAuthority = properties.jwt().requiredAuthority();
        this.hashes = properties.apiKeyHashes().stream().map(hash -> HexFormat.of().parseHex(hash)).toList();
        this.subjects = properties.apiKeyHashes().stream()
                .map(hash -> SUBJECT_PREFIX + hash.substring(0, ID_LENGTH).toLowerCase(Locale.ROOT)).toList();
    }

    boolean anyConfigured() {
        return !hashes.isEmpty();
    }

    /** The subject of the configured key {@code presented} is, if it is one. */
    Optional<String> subjectOf(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        String match = null;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(digest, hashes.get(i)) && match == null) {
                match = subjects.get(i); // no early return: every hash is compared
            }
        }
        return Optional.ofNullable(match);
    }

    /** The authenticated admin of the configured key {@code presented} is, if it is one. */
    Optional<Authentication> authenticationOf(String presented) {
        return subjectOf(presented).map(this::admin);
    }

    /** The admin {@code subject}, whose key is still configured: a session of a removed key ends with it. */
    Optional<Authentication> adminOf(String subject) {
        return isConfigured(subject) ? Optional.of(admin(subject)) : Optional.empty();
    }

    private Authentication admin(String subject) {
        return new PreAuthenticatedAuthenticationToken(subject, null,
                AuthorityUtils.createAuthorityList(adminAuthority));
    }

    /** Whether a key with this subject is still configured: a session of a removed key ends with it. */
    boolean isConfigured(String subject) {
        return subjects.contains(subject);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
