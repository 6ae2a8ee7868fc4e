package com.peptalk.automation.templates;

/** A message rendered for one recipient: the email parts (subject, HTML, text) or the SMS text; absent parts null. */
public record RenderedMessage(String subject, String html, String text, String sms) {
}
