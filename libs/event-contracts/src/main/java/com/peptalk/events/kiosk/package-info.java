/** Events of {@code kiosk.heartbeats} and {@code kiosk.status-changes}. */
package com.peptalk.events.kiosk;
