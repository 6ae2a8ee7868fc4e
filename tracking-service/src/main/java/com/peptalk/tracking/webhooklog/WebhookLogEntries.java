package com.peptalk.tracking.webhooklog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the webhook log newest first, a page at a time (keyset: the entries before a given one, so a page never
 * repeats or skips an entry while new ones arrive), optionally one provider's or only failures. Plain SQL through
 * {@link JdbcClient}: filtered keyset pages over an append-only table.
 */
@Component
class WebhookLogEntries {

    /** Entries per page, as in Procore's deliveries log. */
    static final int PAGE_SIZE = 25;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String SUMMARY = "id, provider, received_at, method, path, response_status, outcome, failure, replay_of";

    private final JdbcClient jdbc;

    WebhookLogEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry in a list. */
    record Summary(UUID id, String provider, Instant receivedAt, String method, String path, int status,
            String outcome, boolean failure, UUID replayOf) {
    }

    /** One entry with the request and our answer; credentials in {@code requestHeaders} are masked. */
    record Detail(UUID id, String provider, Instant receivedAt, String method, String path, String query,
            Map<String, String> requestHeaders, String payload, int status, Map<String, String> responseHeaders,
            String responseBody, String outcome, boolean failure, UUID replayOf) {
    }

    /** A page, newest first; {@code next} is the id to ask {@code before} for the following page, or null. */
    record Page(List<Summary> entries, UUID next) {
    }

    /**
     * @return the page, or empty when {@code before} is not an entry of the log
     */
    Optional<Page> page(String provider, boolean onlyFailures, UUID before) {
        StringBuilder sql = new StringBuilder("select " + SUMMARY + " from webhook_log where true");
        if (provider != null) {
            sql.append(" and provider = :provider");
        }
        if (onlyFailures) {
            sql.append(" and failure");
        }
        if (before != null) {
            if (jdbc.sql("select count(*) from webhook_log where id = :id").param("id", before).query(Long.class).single() == 0) {
                return Optional.empty();
            }
            sql.append(" and (received_at, id) < (select received_at, id from webhook_log where id = :before)");
        }
        sql.append(" order by received_at desc, id desc limit ").append(PAGE_SIZE + 1);
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        if (provider != null) {
            statement = statement.param("provider", provider);
        }
        if (before != null) {
            statement = statement.param("before", before);
        }
        List<Summary> entries = statement.query(WebhookLogEntries::summary).list();
        boolean more = entries.size() > PAGE_SIZE;
        List<Summary> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        return Optional.of(new Page(List.copyOf(page), more ? page.getLast().id() : null));
    }

    Optional<Detail> detail(UUID id) {
        return jdbc.sql("""
                        select id, provider, received_at, method, path, query, headers, payload, response_status,
                               response_headers, response_body, outcome, failure, replay_of
                        from webhook_log where id = :id
                        """).param("id", id)
                .query((row, n) -> new Detail(row.getObject("id", UUID.class), row.getString("provider"),
                        row.getTimestamp("received_at").toInstant(), row.getString("method"), row.getString("path"),
                        row.getString("query"), JSON.readValue(row.getString("headers"), HEADERS), row.getString("payload"),
                        row.getInt("response_status"), JSON.readValue(row.getString("response_headers"), HEADERS),
                        row.getString("response_body"), row.getString("outcome"), row.getBoolean("failure"),
                        row.getObject("replay_of", UUID.class)))
                .optional();
    }

    private static Summary summary(ResultSet row, int n) throws SQLException {
        return new Summary(row.getObject("id", UUID.class), row.getString("provider"),
                row.getTimestamp("received_at").toInstant(), row.getString("method"), row.getString("path"),
                row.getInt("response_status"), row.getString("outcome"), row.getBoolean("failure"),
                row.getObject("replay_of", UUID.class));
    }
}
