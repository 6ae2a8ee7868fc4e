/** Events of {@code directory.events}: companies, projects, project groups and their membership, users. */
package com.peptalk.events.directory;
