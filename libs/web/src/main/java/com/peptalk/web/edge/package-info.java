/**
 * The HTTP edge of every servlet service: what happens to a request before and after its handler, and to every
 * failure on the way (the container's parsing included), answered as problem JSON or a readable page.
 */
package com.peptalk.web.edge;
