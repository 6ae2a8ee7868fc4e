/** Signed open-pixel and click links. */
package com.peptalk.tracking.links;
