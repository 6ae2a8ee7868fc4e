/**
 * What a request must look like before the gateway routes it: its size and shape. Everything refused here is the
 * gateway's own refusal, answered as a problem document before any route, circuit breaker or service is involved.
 */
package com.peptalk.gateway.edge;
