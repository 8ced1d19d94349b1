package io.chameleon.replica;

import java.util.List;
import java.util.Map;

/**
 * Writes metrics in Prometheus's text exposition format (version 0.0.4): for each metric its HELP
 * and TYPE lines, then its samples, every sample labelled with the source it describes.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();
    private final String sourceLabel;
    private String name;

    PrometheusText(String source) {
        this.sourceLabel = "source=\"" + escapeLabel(source) + "\"";
    }

    /** Starts a metric; the samples that follow belong to it. */
    PrometheusText metric(String metricName, String type, String help) {
        name = metricName;
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(double value) {
        out.append(name).append('{').append(sourceLabel).append("} ").append(number(value)).append('\n');
        return this;
    }

    /** A sample with one label besides the source's. */
    PrometheusText sample(String label, String labelValue, double value) {
        out.append(name).append('{').append(sourceLabel).append(',').append(label).append("=\"")
                .append(escapeLabel(labelValue)).append("\"} ").append(number(value)).append('\n');
        return this;
    }

    /** One sample per entry, each labelled with its key's values under {@code labels}, besides the source. */
    PrometheusText samples(Map<List<String>, ? extends Number> values, List<String> labels) {
        values.forEach((key, value) -> {
            out.append(name).append('{').append(sourceLabel);
            for (int i = 0; i < labels.size(); i++) {
                out.append(',').append(labels.get(i)).append("=\"").append(escapeLabel(key.get(i))).append('"');
            }
            out.append("} ").append(number(value.doubleValue())).append('\n');
        });
        return this;
    }

    String text() {
        return out.toString();
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction (counters read best that way), NaN for a value not known yet. */
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
