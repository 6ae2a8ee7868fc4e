package com.peptalk.tracking.webhooklog;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.web.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way an inbound request is handled: captured, given to its {@link WebhookProvider}, and then, in one
 * transaction, de-duplicated by the provider's receipt key, logged with our answer, and its events written to the
 * outbox (so "logged" and "published" never disagree, and a crash after the answer loses nothing). Replays go the
 * same way from the stored request.
 *
 * <p>Plain SQL through {@link JdbcClient}: the log is an append-only table read by keyset pages, not an aggregate.
 */
@Service
public class WebhookLog {

    private static final Logger log = LoggerFactory.getLogger(WebhookLog.class);

    /** Header fields that carry credentials: stored and shown as {@value #MASK}, never as sent. */
    static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");
    static final String MASK = "****";
    /** The request attribute that says a provider's request reached the log (see {@link EdgeRefusals}). */
    static final String LOGGED = WebhookLog.class.getName() + ".logged";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventOutbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, WebhookProvider> providers;

    WebhookLog(JdbcClient jdbc, TransactionTemplate transactions, EventOutbox outbox, MeterRegistry meters,
            List<WebhookProvider> providers, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(WebhookProvider::name, Function.identity()));
    }

    /** Handles a live request for {@code provider}: what to answer. */
    public ResponseEntity<String> receive(WebhookProvider provider, HttpServletRequest request) {
        InboundRequest inbound = capture(request);
        Stored stored = handle(provider, inbound, null);
        return answer(stored.reception());
    }

    /**
     * Logs a request to a provider's path that the web edge refused before any provider saw it (an oversized body, a
     * malformed form, too many parameters): its headers (credentials masked) and our status; the body is not kept.
     */
    void recordEdgeRefusal(HttpServletRequest request, int status) {
        Optional<WebhookProvider> provider = providerOf(request.getRequestURI());
        if (provider.isEmpty()) {
            return;
        }
        InboundRequest inbound = new InboundRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                headers(request), null, null, clock.instant());
        Reception refusal = new Reception(status, Map.of(), null, "refused by the web edge before it was read (status "
                + status + "); the body is not kept", true, null, List.of());
        transactions.executeWithoutResult(tx -> insert(UUID.randomUUID(), provider.get().name(), inbound, refusal, null));
        meters.counter("peptalk.webhooks", "provider", provider.get().name(), "outcome", "refused").increment();
    }

    Optional<WebhookProvider> providerOf(String path) {
        return providers.values().stream().filter(provider -> provider.paths().stream()
                .anyMatch(owned -> owned.endsWith("/") ? path.startsWith(owned) : path.equals(owned))).findFirst();
    }

    /** The names of the providers that write to the log. */
    Set<String> providerNames() {
        return providers.keySet();
    }

    /**
     * Runs a stored request through its provider again and logs it as a new entry that points at the original.
     *
     * @return the new entry's id, or empty when {@code id} is not in the log
     */
    Optional<UUID> replay(UUID id) {
        return jdbc.sql("""
                        select provider, method, path, query, headers, credential_digest, payload
                        from webhook_log where id = :id
                        """).param("id", id)
                .query((row, n) -> Map.entry(row.getString("provider"), new InboundRequest(row.getString("method"),
                        row.getString("path"), row.getString("query"), JSON.readValue(row.getString("headers"), HEADERS),
                        row.getString("credential_digest"), row.getString("payload"), clock.instant())))
                .optional()
                .map(stored -> handle(providers.get(stored.getKey()), stored.getValue(), id).id());
    }

    private Stored handle(WebhookProvider provider, InboundRequest request, UUID replayOf) {
        Reception reception;
        try {
            reception = provider.receive(request);
        } catch (RuntimeException unexpected) {
            // a provider must answer bad input with a refusal; this is a bug, logged without the request's content
            log.error("{} could not read a request to {} ({})", provider.name(), request.path(), unexpected.getClass().getName());
            reception = Reception.refused(ProblemType.MALFORMED, null, "the request could not be read");
        }
        UUID id = UUID.randomUUID();
        Reception verified = reception;
        Reception logged = transactions.execute(status -> {
            Reception outcome = isDuplicate(provider.name(), verified, request.receivedAt()) ? verified.asDuplicate() : verified;
            insert(id, provider.name(), request, outcome, replayOf);
            for (DomainEvent event : outcome.events()) {
                outbox.append(event);
            }
            return outcome;
        });
        meters.counter("peptalk.webhooks", "provider", provider.name(), "outcome",
                logged.failure() ? "refused" : logged.outcome().startsWith("duplicate") ? "duplicate" : "accepted").increment();
        return new Stored(id, logged);
    }

    private boolean isDuplicate(String provider, Reception reception, Instant receivedAt) {
        if (reception.failure() || reception.receiptKey() == null) {
            return false;
        }
        return jdbc.sql("""
                        insert into webhook_receipts (provider, receipt_key, received_at) values (:provider, :key, :at)
                        on conflict do nothing
                        """).param("provider", provider).param("key", reception.receiptKey())
                .param("at", Timestamp.from(receivedAt)).update() == 0;
    }

    private void insert(UUID id, String provider, InboundRequest request, Reception reception, UUID replayOf) {
        jdbc.sql("""
                        insert into webhook_log (id, provider, received_at, method, path, query, headers, credential_digest,
                            payload, response_status, response_headers, response_body, outcome, failure, replay_of)
                        values (:id, :provider, :at, :method, :path, :query, :headers::jsonb, :digest, :payload, :status,
                            :responseHeaders::jsonb, :responseBody, :outcome, :failure, :replayOf)
                        """)
                .param("id", id).param("provider", provider).param("at", Timestamp.from(request.receivedAt()))
                .param("method", request.method()).param("path", request.path()).param("query", request.query())
                .param("headers", JSON.writeValueAsString(request.headers())).param("digest", request.credentialDigest())
                .param("payload", withoutNul(request.body())).param("status", reception.status())
                .param("responseHeaders", JSON.writeValueAsString(reception.headers()))
                .param("responseBody", reception.body()).param("outcome", reception.outcome())
                .param("failure", reception.failure()).param("replayOf", replayOf)
                .update();
    }

    private InboundRequest capture(HttpServletRequest request) {
        request.setAttribute(LOGGED, Boolean.TRUE);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return new InboundRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers(request),
                authorization == null ? null : sha256(authorization), body(request), clock.instant());
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, CREDENTIAL_HEADERS.contains(lower) ? MASK : request.getHeader(name));
        }
        return headers;
    }

    private static String body(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // the edge has read the form already (to check it), so the stream is spent: rebuild the form from the
            // parameters, leaving out those of the query
            MultiValueMap<String, String> query = InboundRequest.decodedQuery(request.getQueryString());
            List<String> fields = new ArrayList<>();
            request.getParameterMap().forEach((name, values) -> {
                List<String> fromQuery = new ArrayList<>(query.getOrDefault(name, List.of()));
                for (String value : values) {
                    if (!fromQuery.remove(value)) {
                        fields.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
            });
            return String.join("&", fields);
        }
        try {
            return StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a JDK-mandated algorithm", e);
        }
    }

    private static String withoutNul(String text) {
        // PostgreSQL text cannot hold NUL; the edge refuses it in forms and JSON, a raw body may still carry one
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static ResponseEntity<String> answer(Reception reception) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(reception.status());
        reception.headers().forEach(answer::header);
        return answer.body(reception.body());
    }

    private record Stored(UUID id, Reception reception) {
    }
}
