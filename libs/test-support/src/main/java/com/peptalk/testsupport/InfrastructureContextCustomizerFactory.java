package com.peptalk.testsupport;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link EmbeddedInfrastructure} and adds the connection settings of the shared PostgreSQL and Kafka as
 * the highest-precedence property source, the way Boot's {@code @ServiceConnection} would for containers.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedInfrastructure infrastructure = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                EmbeddedInfrastructure.class);
        if (infrastructure == null) {
            return null;
        }
        return new InfrastructureCustomizer(infrastructure.postgres(), infrastructure.kafka());
    }

    private record InfrastructureCustomizer(boolean postgres, boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (postgres) {
                String application = context.getEnvironment().getProperty("spring.application.name", "test");
                properties.put("spring.datasource.url", SharedPostgres.createDatabase(application));
                properties.put("spring.datasource.username", SharedPostgres.username());
                properties.put("spring.datasource.password", SharedPostgres.password());
            }
            if (kafka) {
                properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("peptalk-embedded-infrastructure", properties));
        }
    }
}
