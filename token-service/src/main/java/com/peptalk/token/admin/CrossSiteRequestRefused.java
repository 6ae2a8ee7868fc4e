package com.peptalk.token.admin;

/**
 * A form was posted from another site (the browser says so in {@code Sec-Fetch-Site}): refused with a 403 page,
 * so a page elsewhere cannot make a signed-in admin's browser run a batch action.
 */
class CrossSiteRequestRefused extends RuntimeException {

    CrossSiteRequestRefused() {
        super("This action can only be submitted from the Peptalk admin pages.");
    }
}
