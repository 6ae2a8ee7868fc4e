package com.peptalk.gateway.admin;

import com.peptalk.gateway.GatewayProperties;
import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.problems.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An identity provider out of reach is a 503 for its tokens, never a wrong token, and API keys keep working. */
class IssuerOutOfReachTests {

    private static final String KEY = "test-admin-key-4f9c2a7e1b3d5f6a8c0e2b4d6f8a1c3e";

    /** Nothing listens on the discard port of this machine. */
    private final AdminProperties admin = new AdminProperties(
            List.of("a43cd6c3f486e54b3105b1f74d7fd0b049758d3340aa6f178919a1898fe9a151"),
            "unit-test-session-signing-key-0123456789", Duration.ofHours(1), new AdminProperties.JwtSettings(
                    "http://127.0.0.1:9/realms/peptalk", "", "scope", "peptalk.admin", "sub", Duration.ofSeconds(2)));
    private final GatewayProperties gateway = new GatewayProperties(null, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(2), List.of("'self'"), List.of());
    private final ApiKeys apiKeys = new ApiKeys(admin);
    private final AdminAuthenticationManager manager = new AdminAuthenticationManager(apiKeys, admin, gateway,
            Clock.systemUTC());

    @Test
    void answersAnIssuerTokenWith503WhenTheIssuerCannotBeReached() {
        AuthenticationException failure = catchThrowableOfType(AuthenticationException.class,
                () -> manager.authenticate(new BearerTokenAuthenticationToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"))
                        .block());
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tokens/1"));

        refusals().challenge(false).commence(exchange, failure).block();

        assertThat(failure).isInstanceOf(AuthenticationServiceException.class);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"service\":\"identity-provider\"")
                .doesNotContain("eyJ");
    }

    @Test
    void stillAcceptsAnAdminApiKey() {
        assertThat(manager.authenticate(new BearerTokenAuthenticationToken(KEY)).block().getName())
                .isEqualTo("api-key:a43cd6c3f486");
    }

    private AdminRefusals refusals() {
        TrustedProxies proxies = new TrustedProxies(gateway);
        return new AdminRefusals(new ProblemResponses(ServerCodecConfigurer.create()),
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class), proxies,
                new AdminSessions(admin, apiKeys, proxies, Clock.systemUTC()), admin);
    }
}
