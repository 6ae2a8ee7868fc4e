package com.peptalk.token.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API (request size and the other limits of the edge are {@code peptalk.web.*}, libs/web).
 *
 * @param maxPageSize the largest page a list endpoint returns
 */
@Validated
@ConfigurationProperties("peptalk.api")
public record ApiProperties(@Min(1) @DefaultValue("200") int maxPageSize) {
}
