package com.peptalk.delivery.sending;

import com.peptalk.events.comms.Channel;

import java.util.UUID;

/**
 * What a provider is asked to send: one message on one channel to one address.
 *
 * @param messageId our message id (SES {@code EmailTags} {@code message_id}, Twilio {@code StatusCallback} query)
 * @param runId the workflow run it belongs to, or null
 * @param channel the channel of this attempt
 * @param address the email address or the E.164 phone number
 * @param subject the email subject (email only)
 * @param html the email's HTML part (email only)
 * @param text the email's text part, or the SMS body
 */
public record OutgoingMessage(UUID messageId, UUID runId, Channel channel, String address, String subject,
        String html, String text) {
}
