/** RFC 9457 problem documents for everything the gateway answers itself. */
package com.peptalk.gateway.problems;
