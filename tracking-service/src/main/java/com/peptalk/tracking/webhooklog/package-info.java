/** Every inbound request, its payload and our response; replay. */
package com.peptalk.tracking.webhooklog;
