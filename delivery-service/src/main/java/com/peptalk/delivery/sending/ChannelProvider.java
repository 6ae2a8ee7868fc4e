package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;

/**
 * A provider of one channel (SES for email, Twilio for SMS), live or sandbox. Called through its Resilience4j
 * instances (named by {@link #name()}), so it makes one call and classifies the outcome; it never retries itself.
 */
public interface ChannelProvider {

    /** Which provider this is. */
    Id id();

    /** The provider's name, also its Resilience4j instance name: {@code ses} or {@code twilio}. */
    default String name() {
        return id().name();
    }

    default Channel channel() {
        return id().channel();
    }

    /** Whether this is the sandbox provider (used when {@code peptalk.delivery.mode=sandbox}). */
    default boolean sandbox() {
        return id().sandbox();
    }

    /**
     * Sends one message.
     *
     * @return the provider's acceptance
     * @throws ProviderFailure when the provider did not accept it, classified
     */
    ProviderAnswer send(OutgoingMessage message);

    /**
     * @param name the provider's name and Resilience4j instance name
     * @param channel the channel it carries
     * @param sandbox whether it simulates the provider
     */
    record Id(String name, Channel channel, boolean sandbox) {
    }
}
