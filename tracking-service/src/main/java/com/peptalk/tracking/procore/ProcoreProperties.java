package com.peptalk.tracking.procore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Settings of Procore's company webhooks. The authorizations are secrets: from the environment only, and
 * {@link #toString()} leaves them out.
 *
 * @param authorizations the Authorization header values configured in Procore's Webhooks page (e.g.
 *        {@code Bearer <token>}), several while one is rotated; none: the header is not required (Procore makes it
 *        optional), which the README advises against
 * @param ownUserId the Procore user id of our own app's service account: changes it made are logged, not published
 *        (they would trigger our own automations in a loop); none: every change is published
 */
@Validated
@ConfigurationProperties("peptalk.tracking.procore")
record ProcoreProperties(@NotNull @DefaultValue List<@NotBlank String> authorizations, Long ownUserId) {

    @Override
    public String toString() {
        return "ProcoreProperties[authorizations=" + authorizations.size() + ", ownUserId=" + ownUserId + "]";
    }
}
