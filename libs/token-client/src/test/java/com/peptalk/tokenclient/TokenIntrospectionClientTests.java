package com.peptalk.tokenclient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.Introspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIntrospectionClientTests {

    private static final UUID TOKEN_ID = UUID.fromString("5c1d7e2a-8b34-4f6a-a1c9-3e0d2b4f6a81");
    private static final Path SAMPLES = Path.of("../../docs/introspection");
    private static final String GROUP_TOKEN = "ppt_pg_" + "g".repeat(43);

    private final WireMockServer tokenService = new WireMockServer(options().dynamicPort());
    private TokenIntrospectionClient client;

    @BeforeEach
    void start() {
        tokenService.start();
        tokenService.stubFor(post("/internal/tokens/introspect").withRequestBody(equalToJson(
                "{\"token\": \"" + GROUP_TOKEN + "\"}")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(sample("active-project-group"))));
        tokenService.stubFor(post("/internal/tokens/introspect").atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(sample("inactive"))));
        // a generous timeout: the first answer of a JVM also builds Jackson's readers for the record, and a body not
        // read within the timeout is closed under the reader ("Stream closed") on a loaded machine
        TokenClientProperties properties = new TokenClientProperties(URI.create(tokenService.baseUrl()),
                Duration.ofMinutes(1), Duration.ofSeconds(5), 1000, Duration.ofSeconds(10));
        client = TokenIntrospectionClient.create(RestClient.builder(), properties);
    }

    /** token-service's answer as the contract's checked-in sample has it (libs/token-contracts). */
    private static String sample(String name) {
        try {
            return Files.readString(SAMPLES.resolve(name + ".json"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @AfterEach
    void stop() {
        tokenService.stop();
    }

    @Test
    void aSecondLookupOfTheSameTokenIsAnsweredFromTheCache() {
        Introspection first = client.introspect(GROUP_TOKEN);
        Introspection second = client.introspect(GROUP_TOKEN);

        assertThat(first.active()).isTrue();
        assertThat(first.tokenId()).isEqualTo(TOKEN_ID);
        assertThat(first.apiTokenType()).isEqualTo(ApiTokenType.PROJECT_GROUP);
        assertThat(first.procoreApp().listsProjects()).isTrue();
        assertThat(first.projectIds()).containsExactly(42L, 43L);
        assertThat(first.maySee(42)).isTrue();
        assertThat(first.maySee(44)).isFalse();
        assertThat(second).isEqualTo(first);
        tokenService.verify(1, postRequestedFor(urlEqualTo("/internal/tokens/introspect")));
    }

    @Test
    void cachedAnswersKeepWorkingWhileTokenServiceIsDownAndOthersFailClearly() {
        client.introspect(GROUP_TOKEN);
        tokenService.stop();

        assertThat(client.introspect(GROUP_TOKEN).active()).isTrue();
        assertThatThrownBy(() -> client.introspect("ppt_pr_" + "p".repeat(43)))
                .isInstanceOf(TokenServiceUnavailableException.class)
                .hasMessageNotContaining("ppt_pr_");
    }

    @Test
    void aRevokedTokenIsEvictedAndAskedAgain() {
        client.introspect(GROUP_TOKEN);
        client.evictToken(TOKEN_ID);
        client.introspect(GROUP_TOKEN);

        tokenService.verify(2, postRequestedFor(urlEqualTo("/internal/tokens/introspect")));
    }

    @Test
    void unknownAndBlankTokensAreInactive() {
        assertThat(client.introspect("ppt_pg_unknown").active()).isFalse();
        assertThat(client.introspect(" ")).isEqualTo(Introspection.INACTIVE);
        assertThat(client.introspect(null)).isEqualTo(Introspection.INACTIVE);
        tokenService.verify(1, postRequestedFor(urlEqualTo("/internal/tokens/introspect")));
    }
}
