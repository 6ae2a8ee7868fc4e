package com.peptalk.web.edge;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Limits and page routes of the web edge ({@code peptalk.web.*}), the same for every servlet service.
 *
 * @param maxRequestBytes the largest request body accepted, whatever its framing (Content-Length or chunked);
 *        larger bodies get 413
 * @param maxRequestLineBytes the longest request line (method, path, query, protocol) accepted; longer ones get 414
 * @param maxHeaderBytes the largest total size of the request's header fields; larger ones get 431
 * @param containerHeaderCeiling what the container itself accepts for request line plus headers: above the two
 *        limits, so that the edge (not the container) answers them with a problem document; a request above this
 *        ceiling still gets a problem document, with status 400
 * @param maxParameters the most query and form parameters a request may carry; more get 400
 * @param pagePaths path prefixes answered with readable HTML pages instead of problem JSON (admin pages, the
 *        Procore iframe); every other path is an API and gets {@code application/problem+json}
 * @param errorView the view that renders an error page on a page route (model: {@code status}, {@code title},
 *        {@code message}); empty: a built-in page
 */
@Validated
@ConfigurationProperties("peptalk.web")
public record WebEdgeProperties(
        @NotNull @DefaultValue("64KB") DataSize maxRequestBytes,
        @NotNull @DefaultValue("4KB") DataSize maxRequestLineBytes,
        @NotNull @DefaultValue("8KB") DataSize maxHeaderBytes,
        @NotNull @DefaultValue("64KB") DataSize containerHeaderCeiling,
        @Min(1) @DefaultValue("200") int maxParameters,
        @NotNull @DefaultValue List<String> pagePaths,
        @NotNull @DefaultValue("") String errorView) {

    /** Whether a request path is a page route (HTML answers) rather than an API route (problem JSON). */
    public boolean isPage(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : pagePaths) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
