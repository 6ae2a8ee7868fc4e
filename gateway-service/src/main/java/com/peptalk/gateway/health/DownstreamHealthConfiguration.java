package com.peptalk.gateway.health;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(DownstreamHealthRegistrar.class)
class DownstreamHealthConfiguration {
}
