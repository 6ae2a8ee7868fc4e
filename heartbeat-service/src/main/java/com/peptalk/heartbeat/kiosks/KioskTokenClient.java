package com.peptalk.heartbeat.kiosks;

import com.peptalk.tokencontracts.KioskToken;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;

/**
 * token-service's internal kiosk token API ({@code /internal/tokens/kiosks/{kioskId}}, never routed by the gateway):
 * heartbeat-service registers kiosks and asks token-service for their tokens, so tokens stay under token-service's
 * rules (keyed hash and encrypted copy, rotation, revocation, {@code token.events}). The answers carry the secret:
 * they are passed to the admin once and never logged nor stored here.
 */
@Component
class KioskTokenClient {

    private final RestClient http;

    KioskTokenClient(RestClient.Builder builder, HeartbeatProperties properties) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withTimeouts(properties.tokenServiceTimeout(), properties.tokenServiceTimeout());
        this.http = builder.clone().baseUrl(properties.tokenServiceUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(settings))
                .build();
    }

    /** The kiosk's token, issued if it has none; {@link KioskRefused} when the project is unknown or archived. */
    KioskToken ensure(long kioskId, long projectId) {
        return call(() -> http.put().uri("/internal/tokens/kiosks/{kioskId}", kioskId)
                .contentType(MediaType.APPLICATION_JSON).body(new KioskToken.Request(projectId)).retrieve()
                .body(KioskToken.class), KioskRefused.Reason.UNKNOWN_PROJECT);
    }

    KioskToken rotate(long kioskId) {
        return call(() -> http.post().uri("/internal/tokens/kiosks/{kioskId}/rotate", kioskId).retrieve()
                .body(KioskToken.class), KioskRefused.Reason.NO_TOKEN);
    }

    void revoke(long kioskId) {
        call(() -> http.post().uri("/internal/tokens/kiosks/{kioskId}/revoke", kioskId).retrieve().toBodilessEntity(),
                KioskRefused.Reason.NO_TOKEN);
    }

    private static <T> T call(java.util.function.Supplier<T> request, KioskRefused.Reason onNotFound) {
        try {
            T answer = request.get();
            if (answer == null) {
                throw new KioskRefused(KioskRefused.Reason.TOKENS_UNAVAILABLE);
            }
            return answer;
        }
        catch (HttpClientErrorException ex) {
            // the exception's message quotes the answer's body, which may hold a token: it is never passed on
            throw new KioskRefused(ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) ? onNotFound
                    : KioskRefused.Reason.TOKENS_UNAVAILABLE);
        }
        catch (RestClientException ex) {
            throw new KioskRefused(KioskRefused.Reason.TOKENS_UNAVAILABLE);
        }
    }
}
