/**
 * What this service refuses and why, in its own words: a resource that does not exist, a request that contradicts
 * the current state, ids that name nothing. Features throw them; the web edge ({@code web}) answers them as
 * problem details and the admin pages as pages.
 */
package com.peptalk.token.refusals;
