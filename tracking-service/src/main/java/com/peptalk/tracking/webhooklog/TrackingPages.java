package com.peptalk.tracking.webhooklog;

import com.peptalk.web.edge.PageHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The security headers of this service's pages (the webhook log page, the unsubscribe confirmation): nothing frames
 * them, they run no script, load nothing from elsewhere and post forms only to themselves.
 */
@Configuration(proxyBeanMethods = false)
class TrackingPages {

    @Bean
    PageHeaders trackingPageHeaders() {
        return path -> Map.of("X-Frame-Options", "DENY",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }
}
