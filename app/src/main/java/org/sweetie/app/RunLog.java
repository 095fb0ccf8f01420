package org.sweetie.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The log file of a run: one JSON object per line (time, level, logger, message), rotated daily and at 10 MB, 30
 * days and 1 GB at most. It holds the run's own events (networks connecting and failing, retention, the operator API)
 * and the warnings of its libraries; never chat content (the store and the evidence log hold that).
 */
final class RunLog implements AutoCloseable {
    /** Where a run's events are logged; logback.xml sends them nowhere until a file is attached. */
    static final org.slf4j.Logger EVENTS = LoggerFactory.getLogger("sweetie.events");

    private final RollingFileAppender<ILoggingEvent> appender;

    private RunLog(RollingFileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    static RunLog to(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("run-file");
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("1GB"));
        rolling.start();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setRollingPolicy(rolling);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger("sweetie.events").addAppender(appender);
        return new RunLog(appender);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger("sweetie.events").detachAppender(appender);
        appender.stop();
    }
}
