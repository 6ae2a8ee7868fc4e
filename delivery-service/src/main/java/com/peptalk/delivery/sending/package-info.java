/** From a send request to a provider's answer: dispatch when due, resilience per provider, the primary then the fallback. */
package com.peptalk.delivery.sending;
