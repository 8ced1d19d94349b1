package io.chameleon.types;

/** A change made to a value PostgreSQL cannot hold as it is, under the source's value policies. */
public enum Adjustment {
    ZERO_DATE_TO_NULL("zero or partly-zero dates stored as NULL (zero_dates: null)"),
    ZERO_DATE_TO_MINUS_INFINITY("zero or partly-zero dates stored as -infinity (zero_dates: infinity)"),
    INVALID_DATE_TO_NULL("impossible dates such as Feb 30 stored as NULL (zero_dates: null)"),
    INVALID_DATE_TO_MINUS_INFINITY("impossible dates such as Feb 30 stored as -infinity (zero_dates: infinity)"),
    NUL_CHAR_STRIPPED("values with NUL characters stored without them (nul_chars: strip)");

    private final String description;

    Adjustment(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
