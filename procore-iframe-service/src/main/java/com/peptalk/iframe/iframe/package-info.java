/** The pages Procore embeds: token check, project list, dashboard. */
package com.peptalk.iframe.iframe;
