/** The {@code downstream} health group: every service's readiness, as seen from the gateway. */
package com.peptalk.gateway.health;
