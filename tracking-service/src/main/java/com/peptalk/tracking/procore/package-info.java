/** Procore company webhooks. */
package com.peptalk.tracking.procore;
