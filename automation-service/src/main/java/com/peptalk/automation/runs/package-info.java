/** Workflow runs: from a trigger or a cadence occurrence to recipients, rendered messages and SendRequested through the outbox. */
package com.peptalk.automation.runs;
