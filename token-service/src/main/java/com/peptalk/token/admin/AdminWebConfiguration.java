package com.peptalk.token.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link AdminResponseHeaders} in front of everything under {@code /admin}, error pages included. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration {

    @Bean
    FilterRegistrationBean<AdminResponseHeaders> adminResponseHeaders() {
        FilterRegistrationBean<AdminResponseHeaders> registration =
                new FilterRegistrationBean<>(new AdminResponseHeaders());
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }
}
