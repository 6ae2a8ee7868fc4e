/** Why a request is refused: the domain's refusals and their RFC 9457 answers. */
package com.peptalk.automation.refusals;
