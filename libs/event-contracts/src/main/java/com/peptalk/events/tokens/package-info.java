/** Events of {@code token.events}: token lifecycle, for cache invalidation. No event carries a secret. */
package com.peptalk.events.tokens;
