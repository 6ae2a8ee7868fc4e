/** Twilio status callbacks. */
package com.peptalk.tracking.twilio;
