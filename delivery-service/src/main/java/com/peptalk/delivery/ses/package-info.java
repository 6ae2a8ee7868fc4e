/** Email through AWS SES (SESv2 SendEmail), live or by the SES mailbox simulator's conventions in the sandbox. */
package com.peptalk.delivery.ses;
