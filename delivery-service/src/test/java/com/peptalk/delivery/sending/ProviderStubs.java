package com.peptalk.delivery.sending;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.peptalk.delivery.ProviderFakes;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * SES v2 and Twilio answers on WireMock, matched by the recipient's address so tests never share a stub. The
 * error bodies are the providers' own shapes: SES's {@code x-amzn-ErrorType} header with a JSON {@code message}
 * (REST-JSON protocol), Twilio's {@code {"code", "message", "more_info", "status"}}.
 */
final class ProviderStubs {

    static final String SES_SEND = "/v2/email/outbound-emails";
    static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/.+/Messages.json";

    private ProviderStubs() {
    }

    static MappingBuilder sesTo(String address) {
        return post(urlEqualTo(SES_SEND)).withRequestBody(containing(address));
    }

    static MappingBuilder twilioTo(String phone) {
        return post(urlPathMatching(TWILIO_MESSAGES)).withRequestBody(containing("To=" + phone.replace("+", "%2B")));
    }

    static ResponseDefinitionBuilder sesAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"0100019a-{{randomValue type='UUID'}}-000000\"}");
    }

    static ResponseDefinitionBuilder sesError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.simpleemailservice.v2/")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    static ResponseDefinitionBuilder twilioAccepted(String to) {
        String sid = "SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}";
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "api_version": "2010-04-01", "body": "Peptalk",
                 "date_created": "Mon, 30 Nov 2026 11:00:00 +0000", "date_sent": null, "date_updated": "Mon, 30 Nov 2026 11:00:00 +0000",
                 "direction": "outbound-api", "error_code": null, "error_message": null, "from": "+15005550006",
                 "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
                 "sid": "%s", "status": "queued", "subresource_uris": {"media": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/%s/Media.json"},
                 "to": "%s", "uri": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/%s.json"}
                """.formatted(sid, sid, to, sid));
    }

    static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, message, code, status));
    }

    static int sesCalls(String address) {
        return ProviderFakes.wiremock().countRequestsMatching(postRequestedFor(urlEqualTo(SES_SEND))
                .withRequestBody(containing(address)).build()).getCount();
    }

    static int twilioCalls(String phone) {
        return ProviderFakes.wiremock().countRequestsMatching(postRequestedFor(urlPathMatching(TWILIO_MESSAGES))
                .withRequestBody(containing("To=" + phone.replace("+", "%2B"))).build()).getCount();
    }

    static void stub(MappingBuilder mapping) {
        ProviderFakes.wiremock().stubFor(mapping);
    }

    static WireMock client() {
        return new WireMock(ProviderFakes.wiremock());
    }
}
