package com.peptalk.tracking.links;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the signed links (libs/tracking-links). The keys are secrets: from the environment only, the same as
 * delivery-service's, and {@link #toString()} leaves them out.
 *
 * @param signingKeyId the key id new links are signed with (delivery-service signs; tracking only needs it to be
 *        one of {@code keys}); none: every link is refused
 * @param keys every key that verifies links, by key id (at least 32 bytes each); keep a retired key until the
 *        links signed with it may be ignored
 * @param machineAgents parts of a User-Agent (case-insensitive) that mark a link scanner or a prefetching proxy:
 *        its opens and clicks are logged as not human and publish nothing
 * @param machineWindow opens and clicks this soon after the link was built (the email sent) are a scanner's or a
 *        prefetching mail service's, not a reader's: logged as not human, nothing published
 */
@Validated
@ConfigurationProperties("peptalk.tracking.links")
record LinkProperties(String signingKeyId, @NotNull @DefaultValue Map<String, String> keys,
        @NotNull @DefaultValue({"bot", "crawler", "spider", "preview", "scanner", "barracuda", "mimecast",
                "proofpoint", "safelinks", "symantec", "messagelabs", "urldefense", "python-requests", "curl/",
                "go-http-client", "java/"}) List<String> machineAgents,
        @NotNull @DefaultValue("10s") Duration machineWindow) {

    @Override
    public String toString() {
        return "LinkProperties[signingKeyId=" + signingKeyId + ", keyIds=" + keys.keySet() + ", machineAgents=" + machineAgents
                + ", machineWindow=" + machineWindow + "]";
    }
}
