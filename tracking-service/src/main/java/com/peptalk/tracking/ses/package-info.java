/** SNS-delivered SES notifications. */
package com.peptalk.tracking.ses;
