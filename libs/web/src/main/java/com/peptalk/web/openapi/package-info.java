/** The OpenAPI documents of the services' JSON APIs, with the edge's problem answers described. */
package com.peptalk.web.openapi;
