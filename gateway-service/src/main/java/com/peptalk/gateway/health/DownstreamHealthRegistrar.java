package com.peptalk.gateway.health;

import com.peptalk.gateway.GatewayProperties;
import com.peptalk.gateway.routing.DownstreamService;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * One health indicator per downstream service, named after the service ({@code token-service}, ...): the names
 * the {@code downstream} health group lists in {@code application.yml}. That group is deliberately not part of
 * readiness: one service being down must not take the whole gateway out of its load balancer.
 */
class DownstreamHealthRegistrar implements BeanRegistrar {

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        for (DownstreamService service : DownstreamService.values()) {
            registry.registerBean(service.serviceName(), DownstreamHealthIndicator.class,
                    bean -> bean.description("readiness of " + service.serviceName()).supplier(context -> {
                        GatewayProperties properties = context.bean(GatewayProperties.class);
                        return new DownstreamHealthIndicator(client(properties.healthTimeout()),
                                service.baseUri(properties), properties.healthTimeout());
                    }));
        }
    }

    /** A client of its own: the routes' client has the routes' (longer) timeouts and their metrics. */
    private static WebClient client(Duration timeout) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
                .responseTimeout(timeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }
}
