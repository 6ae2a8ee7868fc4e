package com.peptalk.delivery.sending;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts the sandbox providers' callbacks, one after another, each {@code callback-delay} after the previous, the way
 * a provider reports a message's progress some time after accepting it. A refused or failed post is logged (without
 * the body, which names recipients) and not retried.
 */
@Component
public class SandboxCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);

    private final TaskScheduler scheduler;
    private final SandboxProperties settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();

    SandboxCallbacks(TaskScheduler scheduler, SandboxProperties settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** One callback: where it goes, its content type, body and headers. */
    public record Callback(URI url, String contentType, String body, Map<String, String> headers) {
    }

    public SandboxProperties settings() {
        return settings;
    }

    /** Posts the callbacks in order, the first one {@code callback-delay} from now. */
    public void postLater(List<Callback> callbacks) {
        for (int i = 0; i < callbacks.size(); i++) {
            Callback callback = callbacks.get(i);
            scheduler.schedule(() -> post(callback), clock.instant().plus(settings.callbackDelay().multipliedBy(i + 1L)));
        }
    }

    private void post(Callback callback) {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback.url()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", callback.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()));
        callback.headers().forEach(request::header);
        try {
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 300) {
                log.warn("sandbox callback to {} answered {}", callback.url().getPath(), answer.statusCode());
            }
        }
        catch (IOException ex) {
            log.warn("sandbox callback to {} failed: {}", callback.url().getPath(), ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
