package com.peptalk.iframe.procore;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link IframeResponseHeaders} in front of everything under {@code /integrations/procore}. */
@Configuration(proxyBeanMethods = false)
class IframeWebConfiguration {

    @Bean
    FilterRegistrationBean<IframeResponseHeaders> iframeResponseHeaders(IframeProperties properties) {
        FilterRegistrationBean<IframeResponseHeaders> registration =
                new FilterRegistrationBean<>(new IframeResponseHeaders(properties));
        registration.addUrlPatterns(IframePages.ROOT, IframePages.ROOT + "/*");
        return registration;
    }
}
