package com.peptalk.events.comms;

/** A way to reach a recipient. */
public enum Channel {
    EMAIL, SMS
}
