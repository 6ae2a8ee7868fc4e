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

import java.net.URI;
import java.time.Clock;

/** Wires the introspection client into services that set {@code peptalk.token-client.url}. */
@AutoConfiguration(afterName = "com.peptalk.events.runtime.EventsAutoConfiguration")
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

    /**
     * Reads events with the service's codec when it has the event runtime, else with one of its own: the client
     * only decodes (the codec's source and clock are for publishing), so it needs the contracts, not the runtime.
     */
    @Bean
    TokenCacheListener tokenCacheListener(TokenIntrospectionClient client, ObjectProvider<EventCodec> codec) {
        return new TokenCacheListener(new TokenCacheInvalidator(client,
                codec.getIfAvailable(() -> new EventCodec(URI.create("/token-client"), Clock.systemUTC()))));
    }

    /** One consumer group per instance (a random suffix), from the latest offset: a broadcast to every replica. */
    static class TokenCacheListener {

        private final TokenCacheInvalidator invalidator;

        TokenCacheListener(TokenCacheInvalidator invalidator) {
            this.invalidator = invalidator;
        }

        @KafkaListener(topics = { Topics.TOKENS, Topics.DIRECTORY },
                groupId = "${spring.application.name}-token-cache-${random.uuid}",
                properties = { ConsumerConfig.AUTO_OFFSET_RESET_CONFIG + "=latest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG + "=org.apache.kafka.common.serialization.StringDeserializer",
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG
                                + "=org.apache.kafka.common.serialization.ByteArrayDeserializer" })
        void on(ConsumerRecord<String, byte[]> record) {
            invalidator.on(record);
        }
    }
}
