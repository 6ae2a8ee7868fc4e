package com.peptalk.tracking.procore;

import com.peptalk.events.procore.ProcoreResourceChanged;
import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.ProviderJson;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.tracking.webhooklog.WebhookProvider;
import com.peptalk.web.problem.ProblemType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Procore's company webhooks ({@code POST /webhooks/procore}): the Authorization header configured in Procore is
 * checked in constant time against {@link ProcoreProperties#authorizations()}; the body is Procore's notification
 * ({@code id}, {@code ulid}, {@code company_id}, {@code project_id} (absent for company-level resources),
 * {@code user_id}, {@code resource_name}, {@code resource_id}, {@code event_type} create / update / delete,
 * {@code timestamp}, {@code api_version}; ids as numbers or as strings of digits); de-duplicated by {@code ulid}, else
 * {@code id}. The answer comes right after one local transaction (log, receipt, outbox row): publishing to
 * {@code procore.webhook-events} happens after it, from the outbox, and survives a crash, so Procore's timeout is
 * never at stake. {@code resource_name} is kept as Procore sends it; automation's trigger type is
 * {@code procore.<resource_name>.<event_type>}.
 */
@Component
class ProcoreWebhooks implements WebhookProvider {

    static final String PROVIDER = "procore";
    static final Set<String> EVENT_TYPES = Set.of("create", "update", "delete");

    private final ProcoreProperties properties;
    private final Clock clock;

    ProcoreWebhooks(ProcoreProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public List<String> paths() {
        return List.of("/webhooks/procore");
    }

    @Override
    public Reception receive(InboundRequest request) {
        if (!properties.authorizations().isEmpty() && !request.credentialIsOneOf(properties.authorizations())) {
            return Reception.refused(ProblemType.UNAUTHORIZED, "Authorization", "the Authorization header is missing or wrong");
        }
        Optional<JsonNode> body = ProviderJson.object(request.body());
        if (body.isEmpty()) {
            return Reception.refused(ProblemType.MALFORMED, null, "the body is not a Procore webhook (a JSON object)");
        }
        JsonNode hook = body.get();
        String deliveryId = Optional.ofNullable(id(hook, "ulid")).orElse(id(hook, "id"));
        if (deliveryId == null) {
            return Reception.refused(ProblemType.VALIDATION, "ulid", "ulid (or id) is required");
        }
        String eventType = ProviderJson.text(hook, "event_type");
        if (eventType == null || !EVENT_TYPES.contains(eventType)) {
            return Reception.refused(ProblemType.VALIDATION, "event_type", "event_type must be create, update or delete");
        }
        String resourceName = ProviderJson.text(hook, "resource_name");
        if (resourceName == null || resourceName.isBlank() || resourceName.length() > 200) {
            return Reception.refused(ProblemType.VALIDATION, "resource_name", "resource_name is required (at most 200 characters)");
        }
        Long companyId = number(hook, "company_id");
        if (companyId == null) {
            return Reception.refused(ProblemType.VALIDATION, "company_id", "company_id must be a Procore id");
        }
        Long resourceId = number(hook, "resource_id");
        if (resourceId == null) {
            return Reception.refused(ProblemType.VALIDATION, "resource_id", "resource_id must be a Procore id");
        }
        Long projectId = number(hook, "project_id");
        if (projectId == null && hook.hasNonNull("project_id")) {
            return Reception.refused(ProblemType.VALIDATION, "project_id", "project_id must be a Procore id when present");
        }
        Long userId = number(hook, "user_id");
        if (userId != null && userId.equals(properties.ownUserId())) {
            return Reception.accepted("a change made by our own app's user; nothing published", deliveryId, List.of());
        }
        ProcoreResourceChanged changed = new ProcoreResourceChanged(deliveryId, companyId, projectId, resourceName,
                resourceId, eventType, timestamp(hook));
        return Reception.accepted("procore." + resourceName + "." + eventType + " published", deliveryId, List.of(changed));
    }

    /** An id sent as a number or a string; {@code null} when absent or of another shape. */
    private static String id(JsonNode hook, String field) {
        JsonNode value = hook.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        String text = ProviderJson.text(hook, field);
        return text != null && !text.isBlank() && text.length() <= 100 ? text : null;
    }

    private static Long number(JsonNode hook, String field) {
        JsonNode value = hook.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue() > 0 ? value.longValue() : null;
        }
        String text = ProviderJson.text(hook, field);
        if (text != null && text.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(text);
        }
        return null;
    }

    private Instant timestamp(JsonNode hook) {
        String text = ProviderJson.text(hook, "timestamp");
        try {
            return text == null ? clock.instant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
