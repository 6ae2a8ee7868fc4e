/** The problem types of the platform (RFC 9457) and how a problem document is built from them. */
package com.peptalk.web.problem;
