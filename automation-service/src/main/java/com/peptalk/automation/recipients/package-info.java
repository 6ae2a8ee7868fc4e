/** Project-driven recipients: contacts of projects, by role and opt-in. */
package com.peptalk.automation.recipients;
