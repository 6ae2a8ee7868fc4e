/** Workflows, their triggers and cadence rules, and their runs. */
package com.peptalk.automation.workflows;
