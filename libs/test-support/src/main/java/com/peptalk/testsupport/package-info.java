/** Real PostgreSQL and Kafka for every module's tests, without Docker. */
package com.peptalk.testsupport;
