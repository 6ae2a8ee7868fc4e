/**
 * The identity the gateway relays to the services: each authenticated caller as a short-lived JWT the gateway
 * signs (ES256), which the services verify instead of trusting a header or their network position.
 */
package com.peptalk.gateway.identity;
