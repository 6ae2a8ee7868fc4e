/** Heartbeat history and rollups for uptime. */
package com.peptalk.heartbeat.history;
