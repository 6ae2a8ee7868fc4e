package com.peptalk.web.edge;

import com.peptalk.web.json.StrictJson;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The web edge of every servlet service: security headers, the request guard, the error page, the exception
 * handler of last resort, strict JSON and the container's settings. Runs before Boot's error MVC configuration so
 * that {@link EdgeErrorController} replaces the {@code BasicErrorController}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebEdgeProperties.class)
public class WebEdgeAutoConfiguration {

    /** Right after Boot's character encoding filter, before anything reads parameters or the body. */
    public static final int GUARD_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    EdgeHeaders edgeHeaders(WebEdgeProperties properties, ObjectProvider<PageHeaders> pageHeaders) {
        return new EdgeHeaders(properties, pageHeaders.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<EdgeHeadersFilter> edgeHeadersFilter(EdgeHeaders headers) {
        FilterRegistrationBean<EdgeHeadersFilter> registration = new FilterRegistrationBean<>(
                new EdgeHeadersFilter(headers));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(WebEdgeProperties properties) {
        FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(
                new RequestGuardFilter(properties));
        registration.setOrder(GUARD_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    EdgeErrorController edgeErrorController(WebEdgeProperties properties, EdgeHeaders headers) {
        return new EdgeErrorController(properties, headers);
    }

    @Bean
    EdgeExceptionHandler edgeExceptionHandler() {
        return new EdgeExceptionHandler();
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    TomcatEdge tomcatEdge(WebEdgeProperties properties, EdgeHeaders headers) {
        return new TomcatEdge(properties, headers);
    }
}
