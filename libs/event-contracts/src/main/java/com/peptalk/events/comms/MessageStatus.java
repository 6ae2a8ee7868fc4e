package com.peptalk.events.comms;

/** A provider's report on a message, normalised across SES and Twilio. */
public enum MessageStatus {
    SENT, DELIVERED, DELAYED, BOUNCED, COMPLAINED, UNDELIVERED, FAILED, OPENED, CLICKED, OPTED_OUT
}
