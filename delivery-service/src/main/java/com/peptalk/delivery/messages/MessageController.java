package com.peptalk.delivery.messages;

import com.peptalk.events.comms.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * The message log: search by project, recipient (email, phone, or part of the name), channel, status, workflow run
 * and creation time (ISO-8601 instants, {@code from} inclusive, {@code to} exclusive), newest first; and one
 * message's timeline.
 */
@RestController
@RequestMapping("/api/messages")
class MessageController {

    private final MessageLog log;

    MessageController(MessageLog log) {
        this.log = log;
    }

    @GetMapping
    Page<MessageSummary> search(@RequestParam(required = false) @Min(1) Long projectId,
            @RequestParam(required = false) @Size(min = 1, max = 320) String recipient,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) UUID workflowRunId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
        return log.search(new MessageLog.Filter(projectId, recipient, channel, status, workflowRunId, from, to), page, size);
    }

    @GetMapping("/{id}")
    MessageTimeline timeline(@PathVariable UUID id) {
        return log.timeline(id).orElseThrow(() -> new NotFoundException("message " + id + " does not exist"));
    }
}
