/** Companies, projects, project groups and their membership, users. */
package com.peptalk.token.directory;
