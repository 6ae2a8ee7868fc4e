package com.peptalk.testsupport.archfixture.tokenclient;

import com.peptalk.testsupport.archfixture.token.tokens.Tokens;

/** Seeded violation: a shared library that uses a service's class. */
public class SeededLibraryViolation {

    public Tokens tokens() {
        return new Tokens();
    }
}
