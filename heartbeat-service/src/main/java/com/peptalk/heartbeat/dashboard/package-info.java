/** The heartbeats dashboard page and query API. */
package com.peptalk.heartbeat.dashboard;
