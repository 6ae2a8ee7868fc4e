/** Kiosks, their state and status flips; the sweep that marks them late and offline. */
package com.peptalk.heartbeat.kiosks;
