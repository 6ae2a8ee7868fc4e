/** Rules for text people type: no control characters, nothing that only looks like a value. */
package com.peptalk.web.text;
