package com.peptalk.web.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.util.List;
import java.util.Map;

/**
 * A logging event as an encoder sees it through the backstop: its message (already formatted with its arguments)
 * and the messages of its exception chain passed through {@link SecretMask}; everything else as it was.
 */
final class MaskedEvent implements ILoggingEvent {

    private final ILoggingEvent event;
    private final String message;
    private final IThrowableProxy throwable;

    MaskedEvent(ILoggingEvent event) {
        this.event = event;
        this.message = SecretMask.mask(event.getFormattedMessage());
        this.throwable = event.getThrowableProxy() == null ? null : new MaskedThrowable(event.getThrowableProxy(), 0);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public String getFormattedMessage() {
        return message;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return throwable;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return event.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    /** An exception whose message, and its causes' and suppressed ones', are masked. */
    private static final class MaskedThrowable implements IThrowableProxy {

        private static final int MAX_DEPTH = 32;

        private final IThrowableProxy proxy;
        private final int depth;

        MaskedThrowable(IThrowableProxy proxy, int depth) {
            this.proxy = proxy;
            this.depth = depth;
        }

        @Override
        public String getMessage() {
            return SecretMask.mask(proxy.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return SecretMask.mask(proxy.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            IThrowableProxy cause = proxy.getCause();
            return cause == null || depth >= MAX_DEPTH ? cause : new MaskedThrowable(cause, depth + 1);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null || depth >= MAX_DEPTH) {
                return suppressed;
            }
            IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                masked[i] = new MaskedThrowable(suppressed[i], depth + 1);
            }
            return masked;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
