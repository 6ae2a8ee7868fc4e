/** Request ids: kept or made at the edge, passed to the services, echoed to the caller. */
package com.peptalk.gateway.requestid;
