package com.peptalk.tokenclient;

import com.peptalk.events.EventCodec;
import com.peptalk.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.client.RestClient;

/** Wires the introspection client into services that set {@code peptalk.token-client.url}. */
@AutoConfiguration(afterName = "com.peptalk.events.support.EventsAutoConfiguration")
@ConditionalOnProperty("peptalk.token-client.url")
@EnableConfigurationProperties(TokenClientProperties.class)
public class TokenClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenIntrospectionClient tokenIntrospectionClient(RestClient.Builder builder, TokenClientProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        TokenIntrospectionClient client = TokenIntrospectionClient.create(builder.clone(), properties);
        meters.ifAvailable(client::bindMetrics);
        return client;
    }

    @Bean
    TokenCacheListener tokenCacheListener(TokenIntrospectionClient client, EventCodec codec) {
        return new TokenCacheListener(new TokenCacheInvalidator(client, codec));
    }

    /** One consumer group per instance (a random suffix), from the latest offset: a broadcast to every replica. */
    static class TokenCacheListener {

        private final TokenCacheInvalidator invalidator;

        TokenCacheListener(TokenCacheInvalidator invalidator) {
            this.invalidator = invalidator;
        }

        @KafkaListener(topics = { Topics.TOKENS, Topics.DIRECTORY },
                groupId = "${spring.application.name}-token-cache-${random.uuid}",
                properties = ConsumerConfig.AUTO_OFFSET_RESET_CONFIG + "=latest")
        void on(ConsumerRecord<String, byte[]> record) {
            invalidator.on(record);
        }
    }
}
