package com.peptalk.tracking.webhooklog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the web edge's refusals of provider requests in the webhook log too (the issue: every inbound request,
 * accepted or refused): a filter just outside the edge's request guard notes the status of a request to a provider's
 * path that never reached {@link WebhookLog}.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRefusals {

    private static final Logger LOGGER = LoggerFactory.getLogger(EdgeRefusals.class);

    /** Inside the edge's header filter (which must wrap everything), outside its request guard. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 7;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webhookEdgeRefusals(WebhookLog log) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                if (response.getStatus() >= 400 && request.getAttribute(WebhookLog.LOGGED) == null) {
                    try {
                        log.recordEdgeRefusal(request, response.getStatus());
                    } catch (RuntimeException unlogged) {
                        // the answer is already given; a log entry that could not be written must not turn it into an error
                        LOGGER.warn("could not log a refused request to {} ({})", request.getRequestURI(), unlogged.getClass().getName());
                    }
                }
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return log.providerOf(request.getRequestURI()).isEmpty();
            }
        });
        registration.setOrder(ORDER);
        return registration;
    }
}
