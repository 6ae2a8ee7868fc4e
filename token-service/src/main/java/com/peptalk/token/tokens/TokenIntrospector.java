package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers whether a presented token is good and what it may see: which projects (a group: its member projects; a
 * project: itself; a company or user: the company's projects; a kiosk: its one project, {@code resourceId} being
 * the kiosk) and how the Procore app opens with it
 * ({@link ProcoreApps}). Every inactive answer costs the same, whether the
 * token never existed, was revoked or expired: the keyed hash is always computed (a malformed token too) and one
 * indexed query runs, which does more only for a live token. So the time of an inactive answer tells nothing the
 * answer does not.
 */
@Service
public class TokenIntrospector {

    /*
     * Plain SQL, not JPA: the whole answer is one statement on the token's hash index; loading the token entity and
     * then its resource and projects would be several queries, more for some inactive tokens than for others.
     *
     * The project list and the liveness of the resource are computed only for a token that is live by its own
     * row, so a revoked or expired token costs what an unknown one does: one index probe. Only an active token
     * (whose answer says so anyway) costs more.
     */
    private static final String LOOKUP = """
            with token as (
                select t.*, (t.status = 'active' or (t.status = 'rotated' and t.expires_at > now())) as live
                from api_tokens t
                where t.token_hash = ?
            )
            select t.id, t.api_token_type, t.resource_type, t.resource_id, t.company_id, t.status, t.expires_at,
                   case when not t.live then null
                       when t.resource_type = 'Project' then (select array_agg(p.id) from projects p
                                            where p.id = t.resource_id and p.status <> 'archived')
                       when t.resource_type = 'ProjectGroup' then (select array_agg(m.project_id order by m.project_id)
                                                 from project_group_members m join projects p on p.id = m.project_id
                                                 where m.project_group_id = t.resource_id and p.status <> 'archived')
                       when t.resource_type = 'Kiosk' then (select array_agg(p.id) from kiosk_token_owners k
                                            join projects p on p.id = k.project_id
                                            where k.kiosk_id = t.resource_id and p.status <> 'archived')
                       else (select array_agg(p.id order by p.id) from projects p
                             where p.company_id = t.company_id and p.status <> 'archived')
                   end as project_ids,
                   t.live and case t.resource_type
                       when 'Project' then exists (select 1 from projects p
                                                   where p.id = t.resource_id and p.status <> 'archived')
                       when 'ProjectGroup' then exists (select 1 from project_groups g where g.id = t.resource_id)
                       when 'User' then exists (select 1 from users u where u.id = t.resource_id and u.status = 'active')
                       when 'Kiosk' then exists (select 1 from kiosk_token_owners k join projects p on p.id = k.project_id
                                                 where k.kiosk_id = t.resource_id and p.status <> 'archived')
                       else true
                   end
                   and exists (select 1 from companies c where c.id = t.company_id and c.status = 'active')
                   as resource_alive
            from token t
            """;

    private final JdbcClient jdbc;
    private final TokenHasher hasher;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;

    TokenIntrospector(JdbcClient jdbc, TokenProperties properties, LastUsedRecorder lastUsed, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = new TokenHasher(properties.hashKey());
        this.lastUsed = lastUsed;
        this.clock = clock;
    }

    public Introspection introspect(String presented) {
        String token = presented == null ? "" : presented.strip();
        byte[] hash = hasher.hash(token);
        Optional<Row> row = jdbc.sql(LOOKUP).param(hash).query((rs, i) -> new Row(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                instant(rs.getTimestamp(7)), ids(rs.getArray(8)), rs.getBoolean(9))).optional();
        Instant now = clock.instant();
        if (row.isEmpty() || !TokenFormat.isWellFormed(token) || !row.get().activeAt(now)) {
            return Introspection.INACTIVE;
        }
        Row found = row.get();
        lastUsed.record(found.id(), now);
        ApiTokenType type = ApiTokenType.parse(found.type());
        return Introspection.active(found.id(), type, found.resourceId(), found.companyId(), found.projectIds(),
                found.expiresAt(), ProcoreApps.opening(type, found.resourceId()));
    }

    private static List<Long> ids(Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(UUID id, String type, String resourceType, long resourceId, long companyId, String status,
            Instant expiresAt, List<Long> projectIds, boolean resourceAlive) {

        boolean activeAt(Instant now) {
            boolean live = status.equals("active")
                    || status.equals("rotated") && expiresAt != null && expiresAt.isAfter(now);
            return live && resourceAlive;
        }
    }
}
