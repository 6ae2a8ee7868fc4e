package com.peptalk.tracking.links;

import com.peptalk.tracking.webhooklog.WebhookLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code /t/o} (open pixel), {@code /t/c} (click redirect), {@code /t/u} (one-click unsubscribe). */
@RestController
class TrackedLinkController {

    /** A transparent 1x1 GIF, the smallest image every mail client shows. */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final WebhookLog log;
    private final TrackedLinks links;

    TrackedLinkController(WebhookLog log, TrackedLinks links) {
        this.log = log;
        this.links = links;
    }

    @GetMapping("/t/o")
    ResponseEntity<byte[]> open(HttpServletRequest request) {
        ResponseEntity<String> answer = log.receive(links, request);
        if (answer.getStatusCode().value() == 200) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).body(PIXEL);
        }
        return bytes(answer);
    }

    @GetMapping("/t/c")
    ResponseEntity<byte[]> click(HttpServletRequest request) {
        return bytes(log.receive(links, request));
    }

    @RequestMapping(path = "/t/u", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> unsubscribe(HttpServletRequest request) {
        return bytes(log.receive(links, request));
    }

    private static ResponseEntity<byte[]> bytes(ResponseEntity<String> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .body(answer.getBody() == null ? null : answer.getBody().getBytes(StandardCharsets.UTF_8));
    }
}
