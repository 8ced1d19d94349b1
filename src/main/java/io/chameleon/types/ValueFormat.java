package io.chameleon.types;

/** How MySQL's text for a value becomes the PostgreSQL COPY text of the mapped column. */
public enum ValueFormat {
    /** integers, decimal, float, double, year: MySQL's digits as they are */
    NUMBER,
    /** BIT(n): raw big-endian bytes → n characters of 0/1 */
    BIT,
    /** BIT(n) overridden to a number type: raw big-endian bytes → unsigned decimal */
    BIT_AS_NUMBER,
    /** BIT(n) overridden to boolean: all zero → f, else t */
    BIT_AS_BOOLEAN,
    /** a number overridden to boolean: 0 → f, anything else → t */
    NUMBER_AS_BOOLEAN,
    /** DATE; zero and impossible dates per zero_dates */
    DATE,
    /** DATETIME; zero and impossible dates per zero_dates */
    DATETIME,
    /** TIMESTAMP, read in UTC: written with {@code +00}; zero dates per zero_dates */
    TIMESTAMP,
    /** TIME → interval: MySQL's {@code [-]HHH:MM:SS[.ffffff]} as it is */
    TIME,
    /** character data (and anything overridden to a type PostgreSQL parses from MySQL's text): escaped UTF-8, NUL per nul_chars */
    TEXT,
    /** ENUM: the label as text */
    ENUM,
    /** SET: comma-separated labels → a text[] literal */
    SET,
    /** JSON: the text; NULs, raw or as {@code \u0000}, per nul_chars (jsonb refuses both) */
    JSON,
    /** binary strings: the same bytes as bytea */
    BYTEA,
    /** spatial with PostGIS: hex EWKB carrying the SRID when it is not 0 */
    GEOMETRY_EWKB,
    /** spatial without PostGIS: bytea of the WKB, MySQL's 4-byte SRID prefix dropped */
    GEOMETRY_WKB
}
