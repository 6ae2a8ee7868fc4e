package com.peptalk.testsupport.archfixture.token.tokens;

import com.peptalk.testsupport.archfixture.token.web.Problem;

/** A feature that may use "web". */
public class Tokens {

    public Problem refuse() {
        return new Problem("conflict");
    }
}
