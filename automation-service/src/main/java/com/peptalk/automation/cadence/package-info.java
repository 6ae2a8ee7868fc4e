/** Cadence rules on the clock: each occurrence runs once, on one replica, late at most once after downtime. */
package com.peptalk.automation.cadence;
