package com.peptalk.events.comms;

/** A rendered message: the email parts and the SMS body, so either channel can carry it. */
public record RenderedContent(String subject, String html, String text, String sms) {
}
