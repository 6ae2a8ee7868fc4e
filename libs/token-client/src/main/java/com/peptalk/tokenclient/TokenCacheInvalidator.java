package com.peptalk.tokenclient;

import com.peptalk.events.EventCodec;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.directory.CompanyDeleted;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.tokens.ApiTokenRevoked;
import com.peptalk.events.tokens.ApiTokenRotated;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Predicate;

/**
 * Evicts cached introspection answers that events made stale: a revoked or rotated token, a group whose
 * membership changed, a project that changed or went away, a deleted company. Every replica must see every
 * event, so the listener uses a consumer group of its own per instance and starts at the latest offset (what
 * happened before it started cannot be in its cache).
 */
public class TokenCacheInvalidator {

    private final TokenIntrospectionClient client;
    private final EventCodec codec;

    public TokenCacheInvalidator(TokenIntrospectionClient client, EventCodec codec) {
        this.client = client;
        this.codec = codec;
    }

    public void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent received = codec.fromRecord(record);
        switch (received.event()) {
            case ApiTokenRevoked revoked -> client.evictToken(revoked.tokenId());
            case ApiTokenRotated rotated -> client.evictToken(rotated.tokenId());
            case ProjectGroupMembershipChanged changed -> client.evictIf(aboutGroup(changed.projectGroupId()));
            case ProjectGroupUpserted group -> client.evictIf(aboutGroup(group.projectGroupId()));
            case ProjectGroupDeleted group -> client.evictIf(aboutGroup(group.projectGroupId()));
            case ProjectUpserted project -> client.evictIf(answer -> answer.projectIds().contains(project.projectId()));
            case ProjectDeleted project -> client.evictIf(answer -> answer.projectIds().contains(project.projectId()));
            case CompanyDeleted company -> client.evictIf(answer -> Long.valueOf(company.companyId())
                    .equals(answer.companyId()));
            default -> {
                // other events do not change what a token may see
            }
        }
    }

    /** Answers about a group's token: what they say follows the group's membership. */
    private static Predicate<Introspection> aboutGroup(long projectGroupId) {
        return answer -> answer.apiTokenType() == ApiTokenType.PROJECT_GROUP
                && Long.valueOf(projectGroupId).equals(answer.resourceId());
    }
}
