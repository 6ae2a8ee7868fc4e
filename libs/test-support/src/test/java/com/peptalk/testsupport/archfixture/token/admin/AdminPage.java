package com.peptalk.testsupport.archfixture.token.admin;

import com.peptalk.testsupport.archfixture.token.tokens.Tokens;

/** A feature that may use "tokens". */
public class AdminPage {

    public String show(Tokens tokens) {
        return tokens.refuse().type();
    }
}
