/**
 * The identity the gateway relays to the services: each authenticated caller ({@link Caller}) as a short-lived
 * JWT the gateway signs (ES256), which the services verify instead of trusting a header or their network position;
 * and the credentials a caller presents to the gateway alone, which never go further.
 */
package com.peptalk.gateway.identity;
