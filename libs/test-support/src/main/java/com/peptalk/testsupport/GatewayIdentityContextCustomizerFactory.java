package com.peptalk.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.Map;

/**
 * Every {@link ServiceTest} (every {@link EmbeddedInfrastructure}) context trusts the test gateway's public key ({@link GatewayIdentity}), as a service
 * trusts the real gateway's through {@code peptalk.web.identity.keys}.
 */
class GatewayIdentityContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedInfrastructure.class) == null
                ? null : new TrustTheTestGateway();
    }

    private record TrustTheTestGateway() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("peptalk-test-gateway",
                    Map.of("peptalk.web.identity.keys[0].id", GatewayIdentity.KEY_ID,
                            "peptalk.web.identity.keys[0].public-key", GatewayIdentity.publicKey())));
        }
    }
}
