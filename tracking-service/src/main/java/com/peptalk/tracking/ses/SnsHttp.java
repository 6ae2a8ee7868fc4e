package com.peptalk.tracking.ses;

import org.springframework.stereotype.Component;

import java.net.http.HttpClient;

/**
 * The HTTP client that calls SNS (signing certificates, subscription confirmations): no redirects (a redirect could
 * lead off the allowed host), a connect timeout of its own, the JDK's trust store.
 */
@Component
class SnsHttp {

    private final HttpClient client;

    SnsHttp(SesProperties properties) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.fetchTimeout()).build();
    }

    HttpClient client() {
        return client;
    }
}
