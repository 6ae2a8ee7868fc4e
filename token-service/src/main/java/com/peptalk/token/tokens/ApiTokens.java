package com.peptalk.token.tokens;

import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.web.ConflictException;
import com.peptalk.token.web.NotFoundException;
import com.peptalk.token.web.UnknownIdsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
 * active token per project and per project group is enforced by the database (a partial unique index), so two
 * admins generating at once still leave one token per group. Every change is reported on {@code token.events}
 * through the outbox, in the transaction that makes it.
 */
@Service
public class ApiTokens {

    private static final String VIEW_COLUMNS = """
            id, api_token_type, resource_type, resource_id, company_id, display_prefix, status, created_at,
            expires_at, revoked_at, last_used_at, replaced_by
            """;

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final TokenProperties properties;
    private final TokenHasher hasher;
    private final TokenCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, EventOutbox outbox, TokenProperties properties, Clock clock) {
        this.jdbc = jdbc;
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
        insertIfNoneActive(ApiTokenType.PROJECT, projectId, companyId);
    }

    /**
     * The "Generate API tokens" batch action: each selected group without an active token gets one, the others
     * are skipped. Unknown ids fail the whole batch, naming them, before anything is created.
     */
    @Transactional
    public GenerateTokensResult generateForProjectGroups(List<Long> projectGroupIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(projectGroupIds));
        Map<Long, Long> companyOfGroup = jdbc.sql("select id, company_id from project_groups where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Long> unknown = ids.stream().filter(id -> !companyOfGroup.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("projectGroupIds", unknown);
        }
        List<Long> created = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Long id : ids) {
            (insertIfNoneActive(ApiTokenType.PROJECT_GROUP, id, companyOfGroup.get(id)) ? created : skipped).add(id);
        }
        return new GenerateTokensResult(created, skipped);
    }

    /** Issues an extra token for a company or a user. */
    @Transactional
    public RevealedToken issue(IssueTokenRequest request) {
        ApiTokenType kind = request.resourceType().type();
        String sql = kind == ApiTokenType.COMPANY ? "select id from companies where id = ? and status = 'active'"
                : "select company_id from users where id = ? and status = 'active'";
        long companyId = jdbc.sql(sql).param(request.resourceId()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(kind.resourceType(), request.resourceId()));
        String token = TokenFormat.newToken(kind, random);
        UUID id = insert(kind, request.resourceId(), companyId, token);
        return reveal(id, kind, request.resourceId(), token);
    }

    /** "View Procore Report": the project's token and its iframe URL. */
    @Transactional(readOnly = true)
    public RevealedToken projectReport(long projectId) {
        if (!exists("projects", projectId)) {
            throw new NotFoundException("Project", projectId);
        }
        return revealActive(ApiTokenType.PROJECT, projectId);
    }

    /** "Open Procore": the group's token and its iframe URL. */
    @Transactional(readOnly = true)
    public RevealedToken openProcore(long projectGroupId) {
        if (!exists("project_groups", projectGroupId)) {
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
        StoredToken old = lockActive(tokenId);
        Instant graceEnd = clock.instant().plus(properties.rotationGracePeriod());
        jdbc.sql("update api_tokens set status = 'rotated', expires_at = ? where id = ?")
                .params(Timestamp.from(graceEnd), tokenId).update();
        String token = TokenFormat.newToken(old.kind(), random);
        UUID replacement = insert(old.kind(), old.resourceId(), old.companyId(), token);
        jdbc.sql("update api_tokens set replaced_by = ? where id = ?").params(replacement, tokenId).update();
        outbox.append(new ApiTokenRotated(tokenId, replacement, old.kind(), old.kind().resourceType(),
                old.resourceId(), graceEnd));
        return reveal(replacement, old.kind(), old.resourceId(), token);
    }

    /** Stops a token at once (a rotated token in its grace period too). */
    @Transactional
    public ApiTokenView revoke(UUID tokenId) {
        StoredToken token = jdbc.sql("""
                select id, api_token_type, resource_id, company_id, status from api_tokens where id = ? for update
                """).param(tokenId).query(this::mapStored).optional()
                .orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
        if (token.status().equals("revoked")) {
            throw new ConflictException("token " + tokenId + " is already revoked");
        }
        jdbc.sql("update api_tokens set status = 'revoked', revoked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), tokenId).update();
        outbox.append(new ApiTokenRevoked(tokenId, token.kind(), token.kind().resourceType(),
                token.resourceId()));
        return view(tokenId);
    }

    /** Revokes every token of a resource that is going away (a deleted group, an archived project). */
    @Transactional
    public int revokeAllOf(ApiTokenType kind, long resourceId) {
        List<UUID> ids = jdbc.sql("""
                select id from api_tokens where resource_type = ? and resource_id = ? and status <> 'revoked'
                for update
                """).params(kind.resourceType(), resourceId).query(UUID.class).list();
        ids.forEach(this::revoke);
        return ids.size();
    }

    @Transactional(readOnly = true)
    public ApiTokenView view(UUID tokenId) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from api_tokens where id = ?").param(tokenId)
                .query(this::mapView).optional().orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(Optional<ApiTokenType> kind, Optional<Long> resourceId, int limit) {
        return jdbc.sql("select " + VIEW_COLUMNS + """
                from api_tokens
                where (cast(? as text) is null or resource_type = ?) and (cast(? as bigint) is null or resource_id = ?)
                order by created_at desc, id limit ?
                """)
                .params(kind.map(ApiTokenType::resourceType).orElse(null),
                        kind.map(ApiTokenType::resourceType).orElse(null), resourceId.orElse(null),
                        resourceId.orElse(null), limit)
                .query(this::mapView).list();
    }

    /** The active token of each given resource, by resource id (for the admin pages). */
    @Transactional(readOnly = true)
    public Map<Long, ApiTokenView> activeTokens(ApiTokenType kind, List<Long> resourceIds) {
        return jdbc.sql("select " + VIEW_COLUMNS
                + " from api_tokens where resource_type = ? and resource_id = any(?) and status = 'active'")
                .params(kind.resourceType(), resourceIds.toArray(Long[]::new)).query(this::mapView).list().stream()
                .collect(Collectors.toMap(ApiTokenView::resourceId, Function.identity(), (a, b) -> a));
    }

    URI iframeUrl(String token) {
        String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/integrations/procore/iframe?api_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private boolean insertIfNoneActive(ApiTokenType kind, long resourceId, long companyId) {
        String token = TokenFormat.newToken(kind, random);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into api_tokens (id, resource_type, resource_id, api_token_type, company_id, display_prefix,
                                        token_hash, token_ciphertext, key_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (resource_type, resource_id)
                    where status = 'active' and resource_type in ('Project', 'ProjectGroup')
                    do nothing
                """).params(id, kind.resourceType(), resourceId, kind.word(), companyId,
                TokenFormat.displayPrefix(token), hasher.hash(token), cipher.encrypt(id, token), cipher.activeKeyId(),
                Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            outbox.append(new ApiTokenIssued(id, kind, kind.resourceType(), resourceId, companyId, null));
        }
        return inserted == 1;
    }

    private UUID insert(ApiTokenType kind, long resourceId, long companyId, String token) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into api_tokens (id, resource_type, resource_id, api_token_type, company_id, display_prefix,
                                        token_hash, token_ciphertext, key_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, kind.resourceType(), resourceId, kind.word(), companyId,
                TokenFormat.displayPrefix(token), hasher.hash(token), cipher.encrypt(id, token), cipher.activeKeyId(),
                Timestamp.from(clock.instant())).update();
        outbox.append(new ApiTokenIssued(id, kind, kind.resourceType(), resourceId, companyId, null));
        return id;
    }

    private RevealedToken revealActive(ApiTokenType kind, long resourceId) {
        record Secret(UUID id, String keyId, byte[] ciphertext) {
        }
        Secret secret = jdbc.sql("""
                select id, key_id, token_ciphertext from api_tokens
                where resource_type = ? and resource_id = ? and status = 'active'
                """).params(kind.resourceType(), resourceId)
                .query((rs, i) -> new Secret(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException(kind.resourceType() + " API token of", resourceId));
        return reveal(secret.id(), kind, resourceId, cipher.decrypt(secret.id(), secret.keyId(), secret.ciphertext()));
    }

    private RevealedToken reveal(UUID id, ApiTokenType kind, long resourceId, String token) {
        return new RevealedToken(id, kind, kind.resourceType(), resourceId, token, iframeUrl(token));
    }

    private StoredToken lockActive(UUID tokenId) {
        StoredToken token = jdbc.sql("""
                select id, api_token_type, resource_id, company_id, status from api_tokens where id = ? for update
                """).param(tokenId).query(this::mapStored).optional()
                .orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
        if (!token.status().equals("active")) {
            throw new ConflictException("token " + tokenId + " is " + token.status() + "; only an active token can be rotated");
        }
        return token;
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single() > 0;
    }

    private StoredToken mapStored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredToken(rs.getObject("id", UUID.class), ApiTokenType.parse(rs.getString("api_token_type")),
                rs.getLong("resource_id"), rs.getLong("company_id"), rs.getString("status"));
    }

    private ApiTokenView mapView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Instant expiresAt = instant(rs.getTimestamp("expires_at"));
        String status = rs.getString("status");
        boolean active = status.equals("active")
                || status.equals("rotated") && expiresAt != null && expiresAt.isAfter(clock.instant());
        return new ApiTokenView(rs.getObject("id", UUID.class), ApiTokenType.parse(rs.getString("api_token_type")),
                rs.getString("resource_type"), rs.getLong("resource_id"), rs.getLong("company_id"),
                rs.getString("display_prefix"), status, active, instant(rs.getTimestamp("created_at")), expiresAt,
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")),
                rs.getObject("replaced_by", UUID.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record StoredToken(UUID id, ApiTokenType kind, long resourceId, long companyId, String status) {
    }
}
