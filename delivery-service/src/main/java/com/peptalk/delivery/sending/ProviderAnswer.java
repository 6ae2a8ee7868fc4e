package com.peptalk.delivery.sending;

import java.util.Map;

/**
 * A provider accepted a message.
 *
 * @param providerMessageId the provider's id (SES {@code MessageId}, Twilio {@code MessageSid})
 * @param requestSummary what was asked, without secrets or bodies (for the message timeline)
 * @param answer what the provider answered, as the timeline shows it
 */
public record ProviderAnswer(String providerMessageId, Map<String, Object> requestSummary, Map<String, Object> answer) {
}
