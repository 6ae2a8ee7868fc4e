package com.peptalk.delivery.suppressions;

import com.peptalk.events.comms.Channel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin suppresses an address by hand.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param address an email address, or an E.164 phone number for SMS
 * @param reason why, shown in the list
 */
record AddSuppression(@NotNull Channel channel, @NotBlank @Size(max = 320) String address,
        @NotBlank @Size(max = 500) String reason) {

    /** The address must be of the channel's kind. */
    @AssertTrue(message = "must be an email address for EMAIL, an E.164 phone number (+ and 7 to 15 digits) for SMS")
    boolean isAddress() {
        if (channel == null || address == null) {
            return true;
        }
        return channel == Channel.EMAIL ? address.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                : address.strip().matches("\\+[1-9][0-9]{6,14}");
    }
}
