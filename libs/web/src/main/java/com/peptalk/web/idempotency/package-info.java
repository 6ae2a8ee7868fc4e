/** {@code Idempotency-Key} for creating POSTs: keys claimed in the service's database, answers replayed. */
package com.peptalk.web.idempotency;
