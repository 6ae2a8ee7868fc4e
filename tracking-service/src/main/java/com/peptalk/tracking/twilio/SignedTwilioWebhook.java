package com.peptalk.tracking.twilio;

import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.tracking.webhooklog.WebhookProvider;

import java.time.Clock;
import java.util.List;

/**
 * What Twilio's webhooks share: one path each, and a request read only once its {@code X-Twilio-Signature} is
 * verified ({@link TwilioSignature}); an unsigned or forged request gets the signature's refusal.
 */
abstract class SignedTwilioWebhook implements WebhookProvider {

    /** The time of the events the webhook publishes. */
    protected final Clock clock;

    private final String name;
    private final String path;
    private final TwilioSignature signature;

    SignedTwilioWebhook(String name, String path, TwilioSignature signature, Clock clock) {
        this.clock = clock;
        this.name = name;
        this.path = path;
        this.signature = signature;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> paths() {
        return List.of(path);
    }

    @Override
    public final Reception receive(InboundRequest request) {
        Reception refusal = signature.refusal(request);
        return refusal != null ? refusal : receiveSigned(request);
    }

    /** Reads a request whose signature is verified; never throws on bad input. */
    abstract Reception receiveSigned(InboundRequest request);
}
