package com.peptalk.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server per test JVM playing SES, Twilio and the gateway that receives the sandbox's callbacks. Every
 * test context of this service points the real SDKs at it (the same settings for all, so they share one context);
 * tests stub and verify by the message's own address or id, so they never see each other's requests. Responses are
 * templates, so one stub answers each call with a new provider message id.
 */
public final class ProviderFakes {

    private static final WireMockServer SERVER = start();

    private ProviderFakes() {
    }

    public static WireMockServer wiremock() {
        return SERVER;
    }

    public static String baseUrl() {
        return "http://localhost:" + SERVER.port();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40).globalTemplating(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Adds the WireMock endpoints to every test context of this service. */
    public static final class Customizer implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Endpoints();
        }
    }

    private record Endpoints() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("provider-fakes", Map.of(
                    "peptalk.delivery.ses.endpoint", baseUrl(),
                    "peptalk.delivery.twilio.api-base-url", baseUrl(),
                    "peptalk.delivery.twilio.status-callback-base-url", baseUrl() + "/tracking",
                    "peptalk.delivery.sandbox.callback-base-url", baseUrl() + "/gateway")));
        }
    }
}
