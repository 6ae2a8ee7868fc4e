package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the polymorphic {@code api_tokens} table, the aggregate behind {@link ApiTokenView} and
 * {@link RevealedToken}; it never leaves this package. It holds the keyed hash and the encrypted copy, never the
 * token itself.
 * <p>
 * The id is chosen before the insert (it is the associated data of the encryption), so the entity says itself
 * whether it is new: otherwise {@code save} would take it for an existing row and select it before inserting.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken implements Persistable<UUID> {

    static final String ACTIVE = "active";
    static final String ROTATED = "rotated";
    static final String REVOKED = "revoked";

    @Id
    private UUID id;
    private String resourceType;
    private long resourceId;
    private String apiTokenType;
    private long companyId;
    private String displayPrefix;
    private byte[] tokenHash;
    private byte[] tokenCiphertext;
    private String keyId;
    private String status;
    private Instant expiresAt;
    private UUID replacedBy;
    private Instant createdAt;
    private Instant revokedAt;
    private Instant lastUsedAt;

    @Transient
    private boolean isNew;

    protected ApiToken() {
    }

    ApiToken(UUID id, ApiTokenType kind, long resourceId, long companyId, String displayPrefix, byte[] tokenHash,
            byte[] tokenCiphertext, String keyId, Instant now) {
        this.id = id;
        this.resourceType = kind.resourceType();
        this.resourceId = resourceId;
        this.apiTokenType = kind.word();
        this.companyId = companyId;
        this.displayPrefix = displayPrefix;
        this.tokenHash = tokenHash;
        this.tokenCiphertext = tokenCiphertext;
        this.keyId = keyId;
        this.status = ACTIVE;
        this.createdAt = now;
        this.isNew = true;
    }

    /** Keeps working until {@code graceEnd}, then stops; {@code replacement} took its place. */
    void rotate(Instant graceEnd) {
        this.status = ROTATED;
        this.expiresAt = graceEnd;
    }

    void replacedBy(UUID replacement) {
        this.replacedBy = replacement;
    }

    void revoke(Instant now) {
        this.status = REVOKED;
        this.revokedAt = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    ApiTokenType kind() {
        return ApiTokenType.parse(apiTokenType);
    }

    long resourceId() {
        return resourceId;
    }

    long companyId() {
        return companyId;
    }

    String status() {
        return status;
    }

    String keyId() {
        return keyId;
    }

    byte[] ciphertext() {
        return tokenCiphertext;
    }

    /** Active, or rotated and still in its grace period at {@code now}. */
    ApiTokenView view(Instant now) {
        boolean active = status.equals(ACTIVE) || status.equals(ROTATED) && expiresAt != null && expiresAt.isAfter(now);
        return new ApiTokenView(id, kind(), resourceType, resourceId, companyId, displayPrefix, status, active,
                createdAt, expiresAt, revokedAt, lastUsedAt, replacedBy);
    }
}
