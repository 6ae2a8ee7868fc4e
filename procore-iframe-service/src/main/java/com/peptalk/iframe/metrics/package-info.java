/** The per-project read model built from directory, comms and kiosk events. */
package com.peptalk.iframe.metrics;
