/** The platform's JSON policy for request bodies: strict types, known fields, clean text. */
package com.peptalk.web.json;
