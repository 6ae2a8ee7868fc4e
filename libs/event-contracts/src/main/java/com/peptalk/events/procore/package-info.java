/** Events of {@code procore.webhook-events}. */
package com.peptalk.events.procore;
