/** Events of {@code automation.triggers}. */
package com.peptalk.events.automation;
