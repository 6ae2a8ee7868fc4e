package com.peptalk.gateway.admin;

/** What the gateway makes of a request's admin credential. */
sealed interface Verdict {

    /** How an admin proved who they are. */
    enum Via {
        API_KEY, ISSUER_TOKEN, SESSION
    }

    /** An admin: forwarded with {@code X-Admin-Subject: subject}. */
    record Admitted(String subject, Via via) implements Verdict {
    }

    /** No credential ({@code credentialGiven} false), or one that is wrong, expired or revoked: 401. */
    record Unauthenticated(boolean credentialGiven) implements Verdict {
    }

    /** A valid token from the issuer that does not grant the admin authority: 403. */
    record LacksAuthority(String requiredAuthority) implements Verdict {
    }

    /** The issuer's keys could not be fetched, so a token could not be checked either way: 503. */
    record IssuerUnavailable() implements Verdict {
    }
}
