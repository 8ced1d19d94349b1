package io.chameleon.alert;

import io.chameleon.config.Secrets;
import io.chameleon.format.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as the JSON body of Rollbar's item API ({@code POST /api/1/item/}): a message, or a
 * trace chain when a failure goes with it. Every text passes through the configuration's
 * secrets first; the access token travels in a header, never here.
 */
final class RollbarItem {
    /** Rollbar cuts titles at 255 characters; cut here so the end is marked. */
    private static final int TITLE_LENGTH = 255;

    private RollbarItem() {}

    static String json(Alert alert, RollbarSettings settings, Instant at) {
        Secrets secrets = settings.secrets();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", settings.environment());
        data.put("level", alert.level().label());
        data.put("timestamp", at.getEpochSecond());
        data.put("title", cut(secrets.mask(alert.title())));
        data.put("platform", System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT));
        data.put("language", "java");
        data.put("body", body(alert, secrets));
        data.put("server", Map.of("host", settings.host()));
        data.put("code_version", settings.version());
        data.put("notifier", Map.of("name", "chameleon", "version", settings.version()));
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("config", settings.configName());
        if (alert.source() != null) {
            custom.put("source", alert.source());
        }
        data.put("custom", custom);
        return Json.compact(Map.of("data", data));
    }

    private static Map<String, Object> body(Alert alert, Secrets secrets) {
        String text = alert.detail() == null ? alert.title() : alert.title() + "\n" + alert.detail();
        if (alert.failure() == null) {
            return Map.of("message", Map.of("body", secrets.mask(text)));
        }
        List<Object> chain = new ArrayList<>();
        for (Throwable t = alert.failure(); t != null && chain.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(trace(t, chain.isEmpty() ? text : null, secrets));
        }
        return Map.of("trace_chain", chain);
    }

    /** One exception: Rollbar wants its frames oldest call first. */
    private static Map<String, Object> trace(Throwable t, String description, Secrets secrets) {
        List<Object> frames = new ArrayList<>();
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = stack.length - 1; i >= 0; i--) {
            StackTraceElement e = stack[i];
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("filename", e.getFileName() == null ? e.getClassName() : e.getFileName());
            frame.put("lineno", e.getLineNumber());
            frame.put("method", e.getMethodName());
            frame.put("class_name", e.getClassName());
            frames.add(frame);
        }
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("class", t.getClass().getName());
        exception.put("message", secrets.mask(t.getMessage() == null ? "" : t.getMessage()));
        if (description != null) {
            exception.put("description", secrets.mask(description));
        }
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("frames", frames);
        trace.put("exception", exception);
        return trace;
    }

    private static String cut(String title) {
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
