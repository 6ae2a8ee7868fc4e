/**
 * The per-project read model, built only from events (directory, comms, automation and kiosk topics) by idempotent,
 * order-tolerant projections, and the queries the iframe pages run on it.
 */
package com.peptalk.iframe.dashboard;
