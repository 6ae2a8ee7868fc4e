/** Events of {@code automation.triggers} (what may start workflows) and {@code automation.workflow-events} (workflows and their runs). */
package com.peptalk.events.automation;
