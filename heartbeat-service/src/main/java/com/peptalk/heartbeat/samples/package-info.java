/** Sample kiosks with realistic histories (steady, flapping, down, paused, never reported) for a demo on a fresh install. */
package com.peptalk.heartbeat.samples;
