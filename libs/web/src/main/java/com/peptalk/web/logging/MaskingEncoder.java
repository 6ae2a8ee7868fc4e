package com.peptalk.web.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The log backstop as a Logback encoder: every event goes through {@link SecretMask} ({@link MaskedEvent}) before
 * it is written, in plain text ({@code pattern}, Boot's console pattern) or, when {@code structuredFormat} is set
 * ({@code logging.structured.format.console}, e.g. {@code ecs} in containers), as Boot's structured JSON. Configured
 * by the {@code logback-spring.xml} of libs/web.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String structuredFormat;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (structuredFormat != null && !structuredFormat.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(structuredFormat);
            structured.setCharset(charset);
            structured.start();
            delegate = structured;
        }
        else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setContext(getContext());
            plain.setPattern(pattern);
            plain.setCharset(charset);
            plain.start();
            delegate = plain;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(new MaskedEvent(event));
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
