package com.peptalk.testsupport.archfixture.token.web;

import com.peptalk.testsupport.archfixture.token.admin.AdminPage;

/** Seeded violation: "web" may use no other feature, yet reaches into "admin". */
public class SeededFeatureViolation {

    public String page() {
        return new AdminPage().toString();
    }
}
