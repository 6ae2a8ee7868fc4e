/** Compiled templates: layout, components, variables, versions. */
package com.peptalk.automation.templates;
