package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.tokencontracts.KioskToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tokens of kiosks. heartbeat-service registers kiosks (it owns them) and asks here for each one's token; this
 * keeps the kiosk's project in {@code kiosk_token_owners} so that introspection can answer which project a kiosk
 * reports for, and issues, reveals, rotates and revokes the kiosk's one active token in {@code api_tokens} like any
 * other ({@code token.events} through the outbox).
 */
@Service
class KioskTokens {

    private final ApiTokens tokens;
    private final TokenOwners owners;
    private final JdbcClient jdbc;

    KioskTokens(ApiTokens tokens, TokenOwners owners, JdbcClient jdbc) {
        this.tokens = tokens;
        this.owners = owners;
        this.jdbc = jdbc;
    }

    /**
     * The kiosk's active token, issued now if it has none: repeating the call (heartbeat-service retrying after a
     * lost answer) reveals the same token. A kiosk moved to another project keeps its token. Throws
     * {@link NotFoundException} for a project that does not exist or is archived.
     */
    @Transactional
    KioskToken ensure(long kioskId, long projectId) {
        long companyId = owners.activeCompanyOf(ApiTokenType.PROJECT, projectId)
                .orElseThrow(() -> new NotFoundException("Project", projectId));
        // Plain SQL: an upsert, which also holds the kiosk's row until commit, so two registrations of one kiosk
        // issue one token between them
        jdbc.sql("""
                insert into kiosk_token_owners (kiosk_id, project_id) values (?, ?)
                on conflict (kiosk_id) do update set project_id = excluded.project_id, updated_at = now()
                """).params(kioskId, projectId).update();
        tokens.issueIfNoneActive(ApiTokenType.KIOSK, kioskId, companyId);
        return kioskToken(tokens.revealActive(ApiTokenType.KIOSK, kioskId), projectId);
    }

    /** Replaces the kiosk's active token; the old one works for the rotation grace period. */
    @Transactional
    KioskToken rotate(long kioskId) {
        long projectId = projectOf(kioskId);
        RevealedToken active = tokens.revealActive(ApiTokenType.KIOSK, kioskId);
        return kioskToken(tokens.rotate(active.tokenId()), projectId);
    }

    /** Stops every token of the kiosk at once; {@link #ensure} issues a new one. Returns how many it stopped. */
    @Transactional
    int revoke(long kioskId) {
        projectOf(kioskId);
        return tokens.revokeAllOf(ApiTokenType.KIOSK, kioskId);
    }

    private long projectOf(long kioskId) {
        return jdbc.sql("select project_id from kiosk_token_owners where kiosk_id = ? for update").param(kioskId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Kiosk", kioskId));
    }

    private static KioskToken kioskToken(RevealedToken token, long projectId) {
        return new KioskToken(token.tokenId(), token.resourceId(), projectId, token.token());
    }
}
