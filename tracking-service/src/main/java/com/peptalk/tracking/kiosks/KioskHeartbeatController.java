package com.peptalk.tracking.kiosks;

import com.peptalk.web.edge.EdgeError;
import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/kiosks/heartbeats}, reached through the gateway (route {@code tracking-kiosks}) and authenticated
 * here by the kiosk's token ({@code Authorization: Bearer ppt_ki_…}). The body is one heartbeat or
 * {@code {"heartbeats": [..]}} (at most {@code max-batch}). 202 with each item's outcome when at least one heartbeat
 * was good (the good ones are published, the others named by index and field); 400 naming every field when none
 * was; 401 without an active token, 403 for a token that is not a kiosk's or a single heartbeat for another kiosk,
 * 503 when token-service or the broker cannot answer (nothing accepted: post again).
 */
@RestController
class KioskHeartbeatController {

    private final HeartbeatIngest ingest;
    private final JsonMapper json;
    private final KiosksProperties properties;

    KioskHeartbeatController(HeartbeatIngest ingest, JsonMapper json, KiosksProperties properties) {
        this.ingest = ingest;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(path = "/api/kiosks/heartbeats", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestResult> post(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody byte[] body) {
        // the token first: nothing of the body is looked at for a caller who is not a kiosk
        HeartbeatIngest.Kiosk kiosk = ingest.authenticate(authorization);
        JsonNode document = read(body);
        boolean batch = document.isObject() && document.has("heartbeats");
        List<JsonNode> items = new ArrayList<>();
        if (batch) {
            JsonNode heartbeats = document.get("heartbeats");
            if (document.size() != 1 || !heartbeats.isArray() || heartbeats.isEmpty()
                    || heartbeats.size() > properties.maxBatch()) {
                throw new HeartbeatIngest.HeartbeatsRejected(List.of(new Problems.FieldError("heartbeats",
                        "must be the only field: a list of 1 to " + properties.maxBatch() + " heartbeats")));
            }
            heartbeats.forEach(items::add);
        }
        else {
            items.add(document);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest.ingest(kiosk, items, batch));
    }

    @ExceptionHandler(KioskRefused.class)
    void refused(KioskRefused ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ex.reason.type == ProblemType.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kiosks\"");
        }
        new EdgeError(ex.reason.type, ex.reason.detail).send(request, response);
    }

    @ExceptionHandler(HeartbeatIngest.HeartbeatsRejected.class)
    void rejected(HeartbeatIngest.HeartbeatsRejected ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        new EdgeError(ProblemType.VALIDATION, "invalid fields: " + ex.errors.stream().map(Problems.FieldError::field)
                .distinct().toList(), ex.errors).send(request, response);
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document == null || !document.isObject()) {
                throw new HeartbeatIngest.HeartbeatsRejected(List.of(new Problems.FieldError("heartbeat",
                        "must be a heartbeat object or {\"heartbeats\": [..]}")));
            }
            return document;
        }
        catch (JacksonException ex) {
            throw new HeartbeatIngest.HeartbeatsRejected(List.of(new Problems.FieldError("body", "is not JSON")));
        }
    }
}
