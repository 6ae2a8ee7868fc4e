package com.peptalk.delivery.twilio;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/** The Twilio client of this service (never the SDK's static {@code Twilio.init}, a global that tests could not isolate). */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    @Bean
    TwilioRestClient twilioRestClient(TwilioProperties settings) {
        Timeout timeout = Timeout.of(settings.callTimeout());
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .build();
        return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new SingleCallHttpClient(requests, settings.apiBaseUrl()))
                .build();
    }

    @Bean
    TwilioSmsProvider twilioSmsProvider(TwilioRestClient twilio, TwilioProperties settings, DeliveryProperties delivery) {
        return new TwilioSmsProvider(twilio, settings, delivery);
    }

    /**
     * The SDK's Apache HTTP client, with two changes: one call per request (the SDK's own retry of 5xx answers would
     * multiply Resilience4j's), and the API's base URL replaced by the configured one (WireMock in tests).
     */
    static final class SingleCallHttpClient extends NetworkHttpClient {

        private static final String TWILIO_API = "https://api.twilio.com";
        private final String baseUrl;

        SingleCallHttpClient(RequestConfig requests, URI baseUrl) {
            super(requests);
            this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(redirected(request));
        }

        private Request redirected(Request request) {
            String url = request.constructURL().toString();
            if (TWILIO_API.equals(baseUrl) || !url.startsWith(TWILIO_API)) {
                return request;
            }
            Request copy = new Request(request.getMethod(), baseUrl + url.substring(TWILIO_API.length()));
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            }
            else {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            copy.setContentType(request.getContentType());
            request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
            copy.setUserAgentExtensions(request.getUserAgentExtensions());
            return copy;
        }
    }
}
