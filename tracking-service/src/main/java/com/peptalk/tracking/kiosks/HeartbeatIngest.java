package com.peptalk.tracking.kiosks;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.kiosk.KioskHeartbeatReceived;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokenclient.TokenIntrospectionClient;
import com.peptalk.tokenclient.TokenServiceUnavailableException;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.web.logging.SecretMask;
import com.peptalk.web.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes kiosk heartbeats in: authenticates the kiosk by its token (token-service introspection through the cached
 * token client; only an active {@code kiosk} token of one project passes), checks each heartbeat on its own
 * (strict JSON, Bean Validation, {@code sentAt} neither future-dated nor too old, only for the token's own kiosk)
 * and publishes the good ones to {@code kiosk.heartbeats}, keyed by kiosk, waiting for the broker's acknowledgement
 * so that an accepted heartbeat is never lost. A retried post may publish a heartbeat twice: heartbeat-service
 * records a kiosk's heartbeat once per {@code sentAt}.
 */
@Service
class HeartbeatIngest {

    private final TokenIntrospectionClient tokens;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Validator validator;
    private final KiosksProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    HeartbeatIngest(TokenIntrospectionClient tokens, EventPublisher publisher, JsonMapper json, Validator validator,
            KiosksProperties properties, MeterRegistry meters, Clock clock) {
        this.tokens = tokens;
        this.publisher = publisher;
        this.json = json;
        this.validator = validator;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** The kiosk a token stands for; {@link KioskRefused} when there is none. */
    Kiosk authenticate(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new KioskRefused(KioskRefused.Reason.NO_TOKEN);
        }
        Introspection answer;
        try {
            answer = tokens.introspect(authorization.substring(7).strip());
        }
        catch (TokenServiceUnavailableException ex) {
            throw new KioskRefused(KioskRefused.Reason.TOKENS_UNAVAILABLE);
        }
        if (!answer.active()) {
            throw new KioskRefused(KioskRefused.Reason.INACTIVE_TOKEN);
        }
        if (answer.apiTokenType() != ApiTokenType.KIOSK || answer.resourceId() == null
                || answer.projectIds().size() != 1) {
            throw new KioskRefused(KioskRefused.Reason.NOT_A_KIOSK_TOKEN);
        }
        return new Kiosk(Long.toString(answer.resourceId()), answer.projectIds().getFirst());
    }

    /**
     * Checks and publishes the heartbeats of one post: {@code items} in request order, {@code batch} when they came
     * as {@code {"heartbeats": [...]}} (fields are then named {@code heartbeats[i].field}). Throws
     * {@link HeartbeatsRejected} when none is good, {@link KioskRefused} for a single heartbeat of another kiosk or
     * a broker that does not acknowledge.
     */
    IngestResult ingest(Kiosk kiosk, List<JsonNode> items, boolean batch) {
        Instant now = clock.instant();
        List<IngestResult.Item> results = new ArrayList<>();
        List<KioskHeartbeatReceived> good = new ArrayList<>();
        List<Problems.FieldError> allErrors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = batch ? "heartbeats[" + i + "]." : "";
            Checked checked = check(items.get(i), kiosk, now, prefix);
            if (checked.errors().isEmpty()) {
                good.add(checked.event());
                results.add(IngestResult.Item.accepted(i));
            }
            else {
                if (!batch && checked.anotherKiosk()) {
                    throw new KioskRefused(KioskRefused.Reason.ANOTHER_KIOSK);
                }
                results.add(IngestResult.Item.rejected(i, checked.errors()));
                allErrors.addAll(checked.errors());
            }
        }
        meters.counter("peptalk.heartbeats.received", "outcome", "rejected").increment(items.size() - good.size());
        if (good.isEmpty()) {
            throw new HeartbeatsRejected(allErrors);
        }
        publish(good);
        meters.counter("peptalk.heartbeats.received", "outcome", "accepted").increment(good.size());
        return new IngestResult(good.size(), items.size() - good.size(), results);
    }

    private Checked check(JsonNode item, Kiosk kiosk, Instant now, String prefix) {
        KioskHeartbeat heartbeat;
        try {
            heartbeat = json.treeToValue(item, KioskHeartbeat.class);
        }
        catch (JacksonException ex) {
                        // a field name is the caller's text: masked, so an answer never echoes a token pasted as a key
            return Checked.rejected(List.of(new Problems.FieldError(prefix + SecretMask.mask(path(ex)),
                    "is malformed or not a field of a heartbeat")), false);
        }
        if (heartbeat == null) {
            return Checked.rejected(List.of(new Problems.FieldError(prefix.isEmpty() ? "heartbeat" : prefix
                    .substring(0, prefix.length() - 1), "must be a heartbeat object")), false);
        }
        List<Problems.FieldError> errors = new ArrayList<>(validator.validate(heartbeat).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map((ConstraintViolation<KioskHeartbeat> violation) -> new Problems.FieldError(
                        prefix + violation.getPropertyPath(), violation.getMessage()))
                .toList());
        if (heartbeat.sentAt() != null && heartbeat.sentAt().isAfter(now.plus(properties.maxClockSkew()))) {
            errors.add(new Problems.FieldError(prefix + "sentAt", "must not be more than "
                    + properties.maxClockSkew().toMinutes() + " minutes in the future"));
        }
        if (heartbeat.sentAt() != null && heartbeat.sentAt().isBefore(now.minus(properties.maxAge()))) {
            errors.add(new Problems.FieldError(prefix + "sentAt", "must not be older than "
                    + properties.maxAge().toHours() + " hours"));
        }
        boolean anotherKiosk = heartbeat.kioskId() != null && !heartbeat.kioskId().equals(kiosk.kioskId());
        if (anotherKiosk) {
            errors.add(new Problems.FieldError(prefix + "kioskId", "is not the kiosk of this token"));
        }
        if (!errors.isEmpty()) {
            return Checked.rejected(errors, anotherKiosk);
        }
        return new Checked(new KioskHeartbeatReceived(kiosk.kioskId(), kiosk.projectId(), heartbeat.sentAt(),
                heartbeat.appVersion(), heartbeat.batteryPercent(), heartbeat.network(), heartbeat.signalBars()),
                List.of(), false);
    }

    private void publish(List<KioskHeartbeatReceived> heartbeats) {
        CompletableFuture<?>[] sent = heartbeats.stream().map(publisher::publish)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KioskRefused(KioskRefused.Reason.BROKER_UNAVAILABLE);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KioskRefused(KioskRefused.Reason.BROKER_UNAVAILABLE);
        }
    }

    /** {@code a.b[2].c}, the path of a JSON failure inside one heartbeat. */
    private static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "heartbeat" : path.toString();
    }

    /** The kiosk a token stands for: its id as events carry it, and its one project. */
    record Kiosk(String kioskId, long projectId) {
    }

    private record Checked(KioskHeartbeatReceived event, List<Problems.FieldError> errors, boolean anotherKiosk) {

        static Checked rejected(List<Problems.FieldError> errors, boolean anotherKiosk) {
            return new Checked(null, errors, anotherKiosk);
        }
    }

    /** No heartbeat of the post was good; {@code errors} names each field at fault. */
    static class HeartbeatsRejected extends RuntimeException {

        final List<Problems.FieldError> errors;

        HeartbeatsRejected(List<Problems.FieldError> errors) {
            super("no heartbeat was valid", null, false, false);
            this.errors = List.copyOf(errors);
        }
    }
}
