/** Addresses that must not be sent to. */
package com.peptalk.delivery.suppressions;
