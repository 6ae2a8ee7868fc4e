/**
 * The platform's published language: event records, topics, the CloudEvents envelope, and the shared way to
 * publish, consume, retry, dead-letter and de-duplicate events.
 */
package com.peptalk.events;
