/** Kiosk heartbeats in. */
package com.peptalk.tracking.kiosks;
