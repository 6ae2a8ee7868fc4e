/**
 * The log backstop: Logback converters that mask secret-shaped text in every message and stack trace, wired in by
 * the {@code logback-spring.xml} this library ships.
 */
package com.peptalk.web.logging;
