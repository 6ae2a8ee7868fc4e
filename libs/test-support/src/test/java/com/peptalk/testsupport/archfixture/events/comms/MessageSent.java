package com.peptalk.testsupport.archfixture.events.comms;

/** An event contract: data only. */
public record MessageSent(String messageId) {
}
