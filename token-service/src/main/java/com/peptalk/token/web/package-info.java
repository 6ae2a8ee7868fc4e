/** HTTP plumbing shared by this service's features: problem details, request size limits. */
package com.peptalk.token.web;
