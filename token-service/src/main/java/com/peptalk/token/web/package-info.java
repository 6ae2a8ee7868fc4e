/** This service's domain errors and their problem details, and the limits of its API. */
package com.peptalk.token.web;
