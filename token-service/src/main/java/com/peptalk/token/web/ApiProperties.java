package com.peptalk.token.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API.
 *
 * @param maxRequestBytes the largest request body accepted
 * @param maxPageSize the largest page a list endpoint returns
 */
@Validated
@ConfigurationProperties("peptalk.api")
public record ApiProperties(@NotNull @DefaultValue("64KB") DataSize maxRequestBytes,
        @DefaultValue("200") int maxPageSize) {
}
