/** Where triggers come in: Kafka topics (automation.triggers, procore.webhook-events, kiosk.status-changes) and the API. */
package com.peptalk.automation.triggers;
