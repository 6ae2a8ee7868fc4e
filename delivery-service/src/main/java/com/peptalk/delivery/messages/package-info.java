/** Messages, their attempts and timeline, status by rank. */
package com.peptalk.delivery.messages;
