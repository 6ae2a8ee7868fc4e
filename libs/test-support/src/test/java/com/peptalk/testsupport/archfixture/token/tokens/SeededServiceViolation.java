package com.peptalk.testsupport.archfixture.token.tokens;

import com.peptalk.testsupport.archfixture.iframe.dashboard.Dashboard;

/** Seeded violation: a class of the token service uses a class of the iframe service. */
public class SeededServiceViolation {

    public Dashboard dashboard() {
        return new Dashboard(1);
    }
}
