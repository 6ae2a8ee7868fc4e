/** Events of {@code comms.send-requested}, {@code comms.delivery-events} and {@code comms.status-events}. */
package com.peptalk.events.comms;
