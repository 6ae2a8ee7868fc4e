package com.peptalk.testsupport.archfixture.events.comms;

/** Seeded violation: a business rule in the event contracts. */
public class SeededBusinessRule {

    public boolean mayResend(MessageSent sent, int attempts) {
        return attempts < 3;
    }
}
