package io.chameleon.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import io.chameleon.config.Secrets;

import java.util.function.Supplier;

/**
 * A log line, stack trace included, with the configuration's secrets masked: the last defence for
 * a secret that a driver or a library put in a message.
 */
final class MaskingLayout extends LayoutBase<ILoggingEvent> {
    private final PatternLayout pattern;
    private final Supplier<Secrets> secrets;

    MaskingLayout(PatternLayout pattern, Supplier<Secrets> secrets) {
        this.pattern = pattern;
        this.secrets = secrets;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return secrets.get().mask(pattern.doLayout(event));
    }

    @Override
    public void start() {
        pattern.start();
        super.start();
    }
}
