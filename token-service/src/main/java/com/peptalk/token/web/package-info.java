/** This service's JSON API at the edge: its refusals as problem details, and the limits of its API. */
package com.peptalk.token.web;
