package com.peptalk.delivery.sending;

import com.peptalk.delivery.fallback.Fallbacks;
import com.peptalk.delivery.messages.Messages;
import com.peptalk.delivery.messages.StoredMessage;
import com.peptalk.delivery.suppressions.Suppressions;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.DeliveryAccepted;
import com.peptalk.events.comms.DeliveryAttempted;
import com.peptalk.events.comms.DeliveryFailed;
import com.peptalk.events.comms.DeliverySuppressed;
import com.peptalk.events.comms.FallbackStarted;
import com.peptalk.events.runtime.EventOutbox;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a claimed message (DESIGN.md §4 step 5): suppression check, the primary channel through its provider's
 * Resilience4j instances, and on a permanent failure, an open circuit, retries given up, a missing address or a
 * suppression, once on the fallback channel. Every outcome is written with its delivery event (through the outbox)
 * in one transaction; the provider call itself runs outside any transaction.
 */
@Component
class Dispatcher {

    static final int PRIMARY = 1;
    static final int FALLBACK = 2;
    /** Twilio's "recipient opted out" answer: the number is suppressed like an SMS STOP. */
    private static final String TWILIO_OPTED_OUT = "21610";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Messages messages;
    private final Suppressions suppressions;
    private final Fallbacks fallbacks;
    private final Providers providers;
    private final ResilientCalls calls;
    private final EventOutbox outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    Dispatcher(Messages messages, Suppressions suppressions, Fallbacks fallbacks, Providers providers,
            ResilientCalls calls, EventOutbox outbox, TransactionTemplate transactions, MeterRegistry meters) {
        this.messages = messages;
        this.suppressions = suppressions;
        this.fallbacks = fallbacks;
        this.providers = providers;
        this.calls = calls;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** Sends a message this dispatcher claimed on its primary channel, then on its fallback channel if need be. */
    void dispatch(UUID id) {
        StoredMessage message = messages.find(id).orElseThrow();
        Optional<String> giveUp = attempt(message, PRIMARY, message.channel());
        messages.dispatched(id);
        giveUp.ifPresent(reason -> fallBack(id, reason));
    }

    /**
     * Starts the fallback of a message for {@code reason} and sends it, unless it has no fallback channel or its
     * fallback started already (a conditional update decides, so concurrent callers start it once).
     */
    void fallBack(UUID id, String reason) {
        StoredMessage message = messages.find(id).orElseThrow();
        Optional<Channel> started = transactions.execute(status -> {
            Optional<Channel> to = fallbacks.start(id, reason);
            to.ifPresent(channel -> {
                outbox.append(new FallbackStarted(id, message.channel(), channel, reason));
                messages.record(id, "fallback-started", Map.of("from", message.channel(), "to", channel,
                        "reason", reason), clock.instant());
            });
            return to;
        });
        if (started.isPresent()) {
            meters.counter("delivery.fallbacks", "from", message.channel().name(), "to", started.get().name()).increment();
            attempt(message, FALLBACK, started.get());
        }
    }

    /** One attempt; returns why the message should fall back, or empty when it was accepted (or already attempted). */
    private Optional<String> attempt(StoredMessage message, int attempt, Channel channel) {
        ChannelProvider provider = providers.of(channel);
        String address = message.addressOn(channel);
        UUID id = message.id();
        if (address == null) {
            String reason = "the recipient has no " + (channel == Channel.EMAIL ? "email address" : "phone number");
            return transactions.execute(status -> {
                if (!messages.startAttempt(id, attempt, channel, provider.name(), null)) {
                    return Optional.<String>empty();
                }
                messages.failed(id, attempt, reason, true, null, null);
                outbox.append(new DeliveryFailed(id, attempt, channel, provider.name(), "no-address: " + reason, true));
                messages.record(id, "no-address", Map.of("channel", channel, "reason", reason), clock.instant());
                count(provider, channel, "no-address");
                return Optional.of(reason);
            });
        }
        Optional<String> suppressed = suppressions.reasonFor(channel, address);
        if (suppressed.isPresent()) {
            String reason = "suppressed: " + suppressed.get();
            return transactions.execute(status -> {
                if (!messages.startAttempt(id, attempt, channel, provider.name(), address)) {
                    return Optional.<String>empty();
                }
                messages.suppressed(id, attempt, reason);
                outbox.append(new DeliverySuppressed(id, channel, suppressed.get()));
                messages.record(id, "suppressed", Map.of("channel", channel, "address", address,
                        "reason", suppressed.get()), clock.instant());
                count(provider, channel, "suppressed");
                return Optional.of(reason);
            });
        }
        Boolean started = transactions.execute(status -> {
            if (!messages.startAttempt(id, attempt, channel, provider.name(), address)) {
                return false;
            }
            outbox.append(new DeliveryAttempted(id, attempt, channel, provider.name()));
            messages.record(id, "attempted", Map.of("attempt", attempt, "channel", channel,
                    "provider", provider.name()), clock.instant());
            return true;
        });
        if (!Boolean.TRUE.equals(started)) {
            return Optional.empty();
        }
        OutgoingMessage outgoing = outgoing(message, channel, address);
        try {
            ProviderAnswer answer = calls.send(provider, outgoing);
            transactions.executeWithoutResult(status -> {
                messages.accepted(id, attempt, answer.providerMessageId(), answer.requestSummary(), answer.answer());
                outbox.append(new DeliveryAccepted(id, attempt, channel, provider.name(), answer.providerMessageId()));
                messages.record(id, "accepted", Map.of("attempt", attempt, "provider", provider.name(),
                        "providerMessageId", answer.providerMessageId()), clock.instant());
            });
            count(provider, channel, "accepted");
            return Optional.empty();
        }
        catch (ProviderFailure failure) {
            return failed(message, attempt, channel, provider, address, failure.kind(), failure.code(),
                    failure.reason(), failure.requestSummary());
        }
        catch (CallNotPermittedException open) {
            return failed(message, attempt, channel, provider, address, ProviderFailure.Kind.TRANSIENT, "circuit-open",
                    provider.name() + " circuit breaker is open", Map.of());
        }
        catch (RequestNotPermitted | BulkheadFullException busy) {
            return failed(message, attempt, channel, provider, address, ProviderFailure.Kind.TRANSIENT, "busy",
                    provider.name() + " is at its configured limit: " + busy.getClass().getSimpleName(), Map.of());
        }
    }

    private Optional<String> failed(StoredMessage message, int attempt, Channel channel, ChannelProvider provider,
            String address, ProviderFailure.Kind kind, String code, String reason, Map<String, Object> request) {
        UUID id = message.id();
        boolean permanent = kind != ProviderFailure.Kind.TRANSIENT;
        if (kind == ProviderFailure.Kind.CONFIGURATION) {
            // not the recipient's fault and not hidden: an operator must fix the account or the settings
            log.error("{} configuration problem ({}): {}; message {} falls back", provider.name(), code, reason, id);
            meters.counter("delivery.configuration.problems", "provider", provider.name(), "code", code).increment();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("kind", kind);
        answer.put("reason", reason);
        String eventReason = (kind == ProviderFailure.Kind.CONFIGURATION ? "configuration: " : "") + code + ": " + reason;
        transactions.executeWithoutResult(status -> {
            messages.failed(id, attempt, reason, permanent, request, answer);
            outbox.append(new DeliveryFailed(id, attempt, channel, provider.name(), eventReason, permanent));
            messages.record(id, "failed", Map.of("attempt", attempt, "provider", provider.name(), "code", code,
                    "kind", kind, "reason", reason), clock.instant());
            if (TWILIO_OPTED_OUT.equals(code)) {
                suppressions.suppress(channel, address, "opted out (Twilio 21610)", "twilio-21610");
            }
        });
        count(provider, channel, kind == ProviderFailure.Kind.TRANSIENT ? "failed-transient" : "failed-" + kind.name().toLowerCase());
        return Optional.of(eventReason);
    }

    private void count(ChannelProvider provider, Channel channel, String outcome) {
        meters.counter("delivery.messages", "channel", channel.name(), "provider", provider.name(), "outcome", outcome)
                .increment();
    }

    private static OutgoingMessage outgoing(StoredMessage message, Channel channel, String address) {
        if (channel == Channel.EMAIL) {
            return new OutgoingMessage(message.id(), message.runId(), channel, address, message.subject(),
                    message.bodyHtml(), message.bodyText());
        }
        String sms = message.bodySms() != null ? message.bodySms() : message.bodyText();
        return new OutgoingMessage(message.id(), message.runId(), channel, address, null, null, sms);
    }
}
