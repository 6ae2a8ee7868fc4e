/** The directory's projects, their time zones and project groups, as this service learns them from directory.events. */
package com.peptalk.automation.projects;
