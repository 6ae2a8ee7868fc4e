package com.peptalk.token.tokens;

import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.refusals.ConflictException;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.refusals.UnknownIdsException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API tokens of the directory's resources, in the one polymorphic {@code api_tokens} table. At most one
 * active token per project and per project group: a token is issued for a group only while the group's row is
 * held for update, so two admins generating at once take turns, and a partial unique index in the database backs
 * the rule. Every change is reported on {@code token.events} through the outbox, in the transaction that makes it.
 */
@Service
public class ApiTokens {

    private final ApiTokenRepository tokens;
    private final TokenOwners owners;
    private final EventOutbox outbox;
    private final TokenProperties properties;
    private final TokenHasher hasher;
    private final TokenCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, TokenOwners owners, EventOutbox outbox, TokenProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.owners = owners;
        this.outbox = outbox;
        this.properties = properties;
        this.random = new SecureRandom();
        this.hasher = new TokenHasher(properties.hashKey());
        this.cipher = new TokenCipher(properties.encryptionKeys(), properties.activeKeyId(), random);
        this.clock = clock;
    }

    /** Gives a project its token unless it has an active one; part of creating the project. */
    @Transactional
    public void ensureProjectToken(long projectId, long companyId) {
        issueIfNoneActive(ApiTokenType.PROJECT, projectId, companyId);
    }

    /**
     * The "Generate API tokens" batch action: each selected group without an active token gets one, the others
     * are skipped. Unknown ids fail the whole batch, naming them, before anything is created.
     */
    @Transactional
    public GenerateTokensResult generateForProjectGroups(List<Long> projectGroupIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(projectGroupIds));
        Map<Long, Long> companyOfGroup = owners.lockProjectGroups(ids);
        List<Long> unknown = ids.stream().filter(id -> !companyOfGroup.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("projectGroupIds", unknown);
        }
        List<Long> created = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Long id : ids) {
            (issueIfNoneActive(ApiTokenType.PROJECT_GROUP, id, companyOfGroup.get(id)) ? created : skipped).add(id);
        }
        return new GenerateTokensResult(created, skipped);
    }

    /** Issues an extra token for a company or a user. */
    @Transactional
    public RevealedToken issue(IssueTokenRequest request) {
        ApiTokenType kind = request.resourceType().type();
        long companyId = owners.activeCompanyOf(kind, request.resourceId())
                .orElseThrow(() -> new NotFoundException(kind.resourceType(), request.resourceId()));
        String token = TokenFormat.newToken(kind, random);
        ApiToken issued = issue(kind, request.resourceId(), companyId, token);
        return reveal(issued, token);
    }

    /** "View Procore Report": the project's token and its iframe URL. */
    @Transactional(readOnly = true)
    public RevealedToken projectReport(long projectId) {
        if (!owners.exists(ApiTokenType.PROJECT, projectId)) {
            throw new NotFoundException("Project", projectId);
        }
        return revealActive(ApiTokenType.PROJECT, projectId);
    }

    /** "Open Procore": the group's token and its iframe URL. */
    @Transactional(readOnly = true)
    public RevealedToken openProcore(long projectGroupId) {
        if (!owners.exists(ApiTokenType.PROJECT_GROUP, projectGroupId)) {
            throw new NotFoundException("ProjectGroup", projectGroupId);
        }
        return revealActive(ApiTokenType.PROJECT_GROUP, projectGroupId);
    }

    /**
     * Replaces a token: the new one is active at once, the old one keeps working for the grace period and then
     * stops (introspection checks its expiry).
     */
    @Transactional
    public RevealedToken rotate(UUID tokenId) {
        ApiToken old = tokens.findForUpdateById(tokenId).orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
        if (!old.status().equals(ApiToken.ACTIVE)) {
            throw new ConflictException("token " + tokenId + " is " + old.status()
                    + "; only an active token can be rotated");
        }
        Instant graceEnd = now().plus(properties.rotationGracePeriod());
        old.rotate(graceEnd);
        // Hibernate writes inserts before updates at a flush: the old token must stop being 'active' in the
        // database first, or the replacement would break the one-active-token index of projects and groups
        tokens.flush();
        String token = TokenFormat.newToken(old.kind(), random);
        ApiToken replacement = issue(old.kind(), old.resourceId(), old.companyId(), token);
        old.replacedBy(replacement.getId());
        outbox.append(new ApiTokenRotated(tokenId, replacement.getId(), old.kind(), old.kind().resourceType(),
                old.resourceId(), graceEnd));
        return reveal(replacement, token);
    }

    /** Stops a token at once (a rotated token in its grace period too). */
    @Transactional
    public ApiTokenView revoke(UUID tokenId) {
        ApiToken token = tokens.findForUpdateById(tokenId)
                .orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
        if (token.status().equals(ApiToken.REVOKED)) {
            throw new ConflictException("token " + tokenId + " is already revoked");
        }
        revoke(token);
        return token.view(clock.instant());
    }

    /** Revokes every token of a resource that is going away (a deleted group, an archived project). */
    @Transactional
    public int revokeAllOf(ApiTokenType kind, long resourceId) {
        List<ApiToken> live = tokens.findForUpdateByResourceTypeAndResourceIdAndStatusNot(kind.resourceType(),
                resourceId, ApiToken.REVOKED);
        live.forEach(this::revoke);
        return live.size();
    }

    @Transactional(readOnly = true)
    public ApiTokenView view(UUID tokenId) {
        return tokens.findById(tokenId).map(token -> token.view(clock.instant()))
                .orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(Optional<ApiTokenType> kind, Optional<Long> resourceId, int limit) {
        Specification<ApiToken> where = Specification.unrestricted();
        if (kind.isPresent()) {
            where = where.and((root, query, cb) -> cb.equal(root.get("resourceType"), kind.get().resourceType()));
        }
        if (resourceId.isPresent()) {
            where = where.and((root, query, cb) -> cb.equal(root.get("resourceId"), resourceId.get()));
        }
        Instant now = clock.instant();
        return tokens.findBy(where, query -> query.sortBy(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))
                .limit(limit).all()).stream().map(token -> token.view(now)).toList();
    }

    /** The active token of each given resource, by resource id (for the admin pages). */
    @Transactional(readOnly = true)
    public Map<Long, ApiTokenView> activeTokens(ApiTokenType kind, List<Long> resourceIds) {
        Instant now = clock.instant();
        return tokens.findByResourceTypeAndResourceIdInAndStatus(kind.resourceType(), resourceIds, ApiToken.ACTIVE)
                .stream().map(token -> token.view(now))
                .collect(Collectors.toMap(ApiTokenView::resourceId, Function.identity(), (a, b) -> a));
    }

    URI iframeUrl(String token) {
        String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/integrations/procore/iframe?api_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /**
     * Issues a token for a project or a group without an active one. The caller holds the resource's row (a new
     * project, or a group locked by {@link TokenOwners#lockProjectGroups}), so no one else issues meanwhile.
     */
    boolean issueIfNoneActive(ApiTokenType kind, long resourceId, long companyId) {
        if (tokens.existsByResourceTypeAndResourceIdAndStatus(kind.resourceType(), resourceId, ApiToken.ACTIVE)) {
            return false;
        }
        issue(kind, resourceId, companyId, TokenFormat.newToken(kind, random));
        return true;
    }

    private ApiToken issue(ApiTokenType kind, long resourceId, long companyId, String token) {
        UUID id = UUID.randomUUID();
        ApiToken issued = tokens.save(new ApiToken(id, kind, resourceId, companyId, TokenFormat.displayPrefix(token),
                hasher.hash(token), cipher.encrypt(id, token), cipher.activeKeyId(), now()));
        outbox.append(new ApiTokenIssued(id, kind, kind.resourceType(), resourceId, companyId, null));
        return issued;
    }

    private void revoke(ApiToken token) {
        token.revoke(now());
        outbox.append(new ApiTokenRevoked(token.getId(), token.kind(), token.kind().resourceType(),
                token.resourceId()));
    }

    RevealedToken revealActive(ApiTokenType kind, long resourceId) {
        ApiToken stored = tokens.findByResourceTypeAndResourceIdAndStatus(kind.resourceType(), resourceId,
                        ApiToken.ACTIVE)
                .orElseThrow(() -> new NotFoundException(kind.resourceType() + " API token of", resourceId));
        return reveal(stored, cipher.decrypt(stored.getId(), stored.keyId(), stored.ciphertext()));
    }

    private RevealedToken reveal(ApiToken token, String secret) {
        ApiTokenType kind = token.kind();
        return new RevealedToken(token.getId(), kind, kind.resourceType(), token.resourceId(), secret,
                iframeUrl(secret));
    }

    /** At PostgreSQL's precision, so what an answer shows equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
