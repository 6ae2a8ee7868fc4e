package com.peptalk.events.comms;

/** Who a message goes to; {@code email} or {@code phone} (E.164) may be absent. */
public record Recipient(long contactId, String name, String email, String phone) {
}
