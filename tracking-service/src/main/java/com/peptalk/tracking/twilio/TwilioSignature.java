package com.peptalk.tracking.twilio;

import com.peptalk.tracking.webhooklog.InboundRequest;
import com.peptalk.tracking.webhooklog.TrackingProperties;
import com.peptalk.tracking.webhooklog.Reception;
import com.peptalk.web.problem.ProblemType;
import com.twilio.security.RequestValidator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's {@link RequestValidator} ("Webhooks security": HMAC-SHA1
 * of the full URL Twilio called followed by the sorted POST fields, under the auth token), against every configured
 * auth token. The URL is the one Twilio called: our public base URL (configuration; the gateway's address, port
 * included) followed by the request's path and raw query; the SDK also tries it with and without the default port.
 */
@Component
class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    private final List<RequestValidator> validators;
    private final String publicBaseUrl;

    TwilioSignature(TwilioProperties properties, TrackingProperties tracking) {
        this.validators = properties.authToken().stream().map(RequestValidator::new).toList();
        this.publicBaseUrl = tracking.publicBaseUrl().toString();
    }

    /**
     * Why a Twilio request is refused before it is read, or {@code null}: its signature does not verify, or it names
     * no message ({@code MessageSid}, or {@code SmsSid} of older callbacks).
     */
    Reception refusal(InboundRequest request) {
        if (!isSigned(request)) {
            return Reception.refused(ProblemType.UNAUTHORIZED, HEADER, HEADER + " is missing or does not verify");
        }
        String sid = messageSid(request.formParameters());
        return sid == null || sid.isBlank() ? Reception.refused(ProblemType.VALIDATION, "MessageSid", "MessageSid is required") : null;
    }

    static String messageSid(Map<String, String> form) {
        return form.getOrDefault("MessageSid", form.get("SmsSid"));
    }

    private boolean isSigned(InboundRequest request) {
        String signature = request.header(HEADER);
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String url = request.publicUrl(publicBaseUrl);
        var form = request.formParameters();
        return validators.stream().anyMatch(validator -> validator.validate(url, form, signature));
    }
}
