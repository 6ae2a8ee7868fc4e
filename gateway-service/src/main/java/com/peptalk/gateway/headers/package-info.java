/** Security headers on every response; the Procore iframe route is the one frameable place. */
package com.peptalk.gateway.headers;
