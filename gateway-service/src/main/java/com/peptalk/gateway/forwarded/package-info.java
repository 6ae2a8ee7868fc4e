/**
 * Who is calling: the client's address and the scheme and host it used, read from {@code X-Forwarded-*} headers
 * only when the connection comes from a configured trusted proxy (an ingress, a load balancer), never otherwise.
 */
package com.peptalk.gateway.forwarded;
