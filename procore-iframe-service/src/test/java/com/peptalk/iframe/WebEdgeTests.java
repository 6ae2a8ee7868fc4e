package com.peptalk.iframe;

import com.peptalk.testsupport.FakeTokenService;
import com.peptalk.testsupport.RawHttp;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.testsupport.edge.WebEdgeContract;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared web edge (libs/web) holds in the iframe service, where every route is a page: a bad address gets a
 * readable page with the iframe's headers (framed by Procore only), never a 5xx, never the token in a log.
 */
@ServiceTest
class WebEdgeTests extends WebEdgeContract {

    /** The same fake token-service as every other test class here (so the Spring context is shared). */
    @DynamicPropertySource
    static void tokenService(DynamicPropertyRegistry registry) {
        registry.add("peptalk.token-client.url", FakeTokenService::url);
    }

    @Override
    protected String apiPath() {
        return "/integrations/procore/iframe";
    }

    /** Every page is public (the api_token authenticates); what is not a page needs the gateway's identity. */
    @Override
    protected String protectedPath() {
        return "/v3/api-docs";
    }

    @Override
    protected String pagePath() {
        return "/integrations/procore/iframe";
    }

    @Test
    void aTokenWithAnInvalidEscapeGetsAReadable400PageWithTheFramingPolicy() {
        RawHttp.Answer answer = RawHttp.get(port, "/integrations/procore/iframe?api_token=" + tokenSecret + "%FF");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isPage()).isTrue();
        assertThat(answer.body()).contains("api_token").doesNotContain(tokenSecret);
        assertThat(answer.header("content-security-policy")).contains("frame-ancestors https://*.procore.com");
        assertThat(answer.header("x-frame-options")).isNull();
    }

    @Test
    void rawTemplateBracesInExtraLaunchParametersAreIgnored() {
        RawHttp.Answer answer = RawHttp.get(port, "/integrations/procore/iframe?api_token=" + tokenSecret
                + "&procore_project_id={{procore.project.id}}&company={{c}}|[]^");

        // the (unknown) token is refused by the iframe itself: the container accepted the address
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isPage()).isTrue();
    }
}
