/** When and how a message moves to its fallback channel. */
package com.peptalk.delivery.fallback;
