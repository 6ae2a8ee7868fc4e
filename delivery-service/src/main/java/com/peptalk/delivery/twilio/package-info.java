/** SMS through the Twilio Messaging API, live or by Twilio's magic test numbers in the sandbox. */
package com.peptalk.delivery.twilio;
