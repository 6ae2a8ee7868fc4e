/** The heartbeats dashboard page and its JSON API: counts, the kiosk list, uptime, timelines, flips, operator queries. */
package com.peptalk.heartbeat.dashboard;
