/** Who may call a service: the identity the gateway relays, verified with Spring Security's resource server. */
package com.peptalk.web.identity;
