package com.peptalk.tokenclient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.peptalk.tokencontracts.Introspection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Asks token-service about a token, through a cache. The cache is keyed by a SHA-256 of the token, so the
 * heap never holds a presented token longer than the request. Active answers live {@code cacheTtl}, inactive
 * ones {@code negativeCacheTtl}; while token-service is down, unexpired answers keep working and others fail
 * with {@link TokenServiceUnavailableException}.
 */
public class TokenIntrospectionClient {

    private final RestClient http;
    private final Cache<String, Introspection> cache;

    public TokenIntrospectionClient(RestClient http, TokenClientProperties properties) {
        this.http = http;
        long active = properties.cacheTtl().toNanos();
        long inactive = properties.negativeCacheTtl().toNanos();
        this.cache = Caffeine.newBuilder().maximumSize(properties.maximumSize()).recordStats()
                .expireAfter(Expiry.creating((String key, Introspection answer) -> java.time.Duration.ofNanos(
                        answer.active() ? active : inactive)))
                .build();
    }

    /**
     * A client over HTTP/1.1 (no h2c upgrade attempts against plain-HTTP services) with the configured timeouts.
     */
    public static TokenIntrospectionClient create(RestClient.Builder builder, TokenClientProperties properties) {
        HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(properties.timeout(),
                properties.timeout());
        RestClient http = builder.baseUrl(properties.url().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(settings))
                .build();
        return new TokenIntrospectionClient(http, properties);
    }

    /** The answer for a token, from the cache when it has one. Blank tokens are inactive without a call. */
    public Introspection introspect(String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return Introspection.INACTIVE;
        }
        String key = fingerprint(token);
        Introspection cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Introspection answer = ask(token);
        cache.put(key, answer);
        return answer;
    }

    /** The answer straight from token-service, bypassing the cache. */
    public Introspection ask(String token) {
        try {
            Introspection answer = http.post().uri("/internal/tokens/introspect")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token)).retrieve()
                    .body(Introspection.class);
            return answer == null ? Introspection.INACTIVE : answer;
        }
        catch (RestClientException ex) {
            throw new TokenServiceUnavailableException(ex);
        }
    }

    /** Drops cached answers about one token (revoked, rotated). */
    public void evictToken(UUID tokenId) {
        evictIf(answer -> tokenId.equals(answer.tokenId()));
    }

    /** Drops cached answers that may have changed: their resource or projects changed. */
    public void evictIf(Predicate<Introspection> stale) {
        cache.asMap().values().removeIf(stale);
    }

    public void bindMetrics(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "token-introspection");
    }

    private static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
