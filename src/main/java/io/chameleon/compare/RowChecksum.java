package io.chameleon.compare;

import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.schema.ColumnDef;
import io.chameleon.types.ValuePolicies;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A checksum of a table's rows computed on each server, so a range whose rows match moves two
 * numbers instead of its rows. Each row becomes one canonical text, built in SQL identically on
 * MySQL/MariaDB and PostgreSQL under the type map's rules (each column as its length, a colon and
 * its text, or {@code N} for NULL); its SHA-256 gives 64 bits; a range's checksum is the row count
 * and the sum of those 64-bit values modulo 2^64. A sum, unlike XOR, counts a row present twice,
 * so keyless tables checksum as multisets. Equal checksums mean equal rows (but for a 2^-64
 * collision); different checksums only send the range to the exact comparison ({@link RangeComparer}),
 * so a canonical form that differs between the servers costs time, never a false difference.
 *
 * <p>Columns without a form provably equal on both servers (JSON, spatial, type_override'd types,
 * any type not listed in {@link #mysqlText}) leave their table to the row-by-row comparison: see
 * {@link #unsupported}.
 */
final class RowChecksum {
    /** A range's checksum on one server: its rows and the sum of their hashes modulo 2^64. */
    record Sum(long rows, BigInteger hash) {}

    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);

    private final ComparedTable table;
    /** Each column's part of the row text, by lower-case column name. */
    private final Map<String, String> mysqlParts;
    private final Map<String, String> pgParts;
    private final String mysqlSql;
    private final String pgSql;

    private RowChecksum(ComparedTable table, Map<String, String> mysqlParts, Map<String, String> pgParts) {
        this.table = table;
        this.mysqlParts = mysqlParts;
        this.pgParts = pgParts;
        List<String> all = table.def().columns().stream().map(ColumnDef::name).toList();
        this.mysqlSql = "SELECT COUNT(*), SUM(IFNULL(CAST(CONV(" + mysqlHex(all) + ", 16, 10) AS UNSIGNED), 0)) FROM "
                + table.mysqlFrom();
        this.pgSql = "SELECT count(*), sum(('x' || " + pgHex(all) + ")::bit(64)::bigint) FROM " + table.pgFrom();
    }

    /** MySQL's expression for the 16 lower-case hex digits hashing {@code columns}' text. */
    String mysqlHex(List<String> columns) {
        return "LEFT(SHA2(CONCAT(" + columns.stream().map(c -> mysqlParts.get(c.toLowerCase()))
                .collect(java.util.stream.Collectors.joining(", ")) + "), 256), 16)";
    }

    /** PostgreSQL's expression for the same 16 hex digits. */
    String pgHex(List<String> columns) {
        return "left(encode(sha256(convert_to(" + columns.stream().map(c -> pgParts.get(c.toLowerCase()))
                .collect(java.util.stream.Collectors.joining(" || ")) + ", 'UTF8')), 'hex'), 16)";
    }

    /**
     * The checksum of {@code table}, or empty when a column has no canonical form in SQL on both
     * servers ({@code why} then gets the reason).
     *
     * @param pgTypes each column's PostgreSQL type as {@code format_type} prints it ({@link #pgTypes})
     */
    static Optional<RowChecksum> of(ComparedTable table, Map<String, String> pgTypes, ValuePolicies policies,
            StringBuilder why) {
        Map<String, String> mysqlParts = new HashMap<>();
        Map<String, String> pgParts = new HashMap<>();
        for (ColumnDef c : table.def().columns()) {
            String pgType = pgTypes.get(c.name().toLowerCase());
            String reason = unsupported(c, pgType);
            if (reason != null) {
                why.append("column ").append(c.name()).append(" (").append(c.columnType()).append(" as ")
                        .append(pgType).append("): ").append(reason);
                return Optional.empty();
            }
            String my = "CONVERT(" + mysqlText(c, ComparedTable.quoteMysql(c.name()), policies) + " USING utf8mb4)"
                    + " COLLATE utf8mb4_bin";
            mysqlParts.put(c.name().toLowerCase(), "IFNULL(CONCAT(CHAR_LENGTH(" + my + "), ':', " + my + "), 'N')");
            String pg = "(" + pgText(c, ComparedTable.quotePg(c.name()), pgType) + ")";
            pgParts.put(c.name().toLowerCase(), "coalesce(length(" + pg + ") || ':' || " + pg + ", 'N')");
        }
        return Optional.of(new RowChecksum(table, mysqlParts, pgParts));
    }

    /** Each column's PostgreSQL type ({@code format_type}, enums as {@code enum}), by lower-case name. */
    static Map<String, String> pgTypes(Connection pg, ComparedTable table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement s = pg.prepareStatement("SELECT a.attname, CASE WHEN t.typtype = 'e' THEN 'enum'"
                + " ELSE format_type(a.atttypid, a.atttypmod) END FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
            s.setString(1, table.pgFrom());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1).toLowerCase(), rs.getString(2));
                }
            }
        }
        return types;
    }

    /** Why a column cannot be checksummed on the servers, or null when it can: its type pair must be the type map's. */
    static String unsupported(ColumnDef c, String pgType) {
        if (pgType == null) {
            return "not in the PostgreSQL table";
        }
        boolean mapped = switch (c.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" ->
                    pgType.matches("smallint|integer|bigint|numeric\\(\\d+,0\\)");
            case "decimal" -> pgType.equals("numeric(" + c.numericPrecision() + "," + c.numericScale() + ")");
            case "float" -> pgType.equals("real");
            case "double", "real" -> pgType.equals("double precision");
            case "bit" -> pgType.equals("bit(" + c.numericPrecision() + ")");
            case "date" -> pgType.equals("date");
            case "datetime" -> pgType.startsWith("timestamp") && pgType.endsWith("without time zone");
            case "timestamp" -> pgType.startsWith("timestamp") && pgType.endsWith("with time zone")
                    && !pgType.endsWith("without time zone");
            case "time" -> pgType.startsWith("interval");
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
                    pgType.startsWith("character varying") || pgType.equals("text");
            case "enum" -> pgType.equals("enum");
            case "set" -> pgType.equals("text[]");
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> pgType.equals("bytea");
            default -> false;
        };
        return mapped ? null : "no canonical text computed alike on both servers";
    }

    /** The column's canonical text in MySQL's SQL, as {@link #pgText} prints the PostgreSQL copy. */
    private static String mysqlText(ColumnDef c, String q, ValuePolicies policies) {
        String zero = policies.zeroDates() == ZeroDatePolicy.INFINITY ? "'-infinity'" : "NULL";
        UnaryOperator<String> zeroDate = fmt -> "CASE WHEN " + q + " IS NULL THEN NULL WHEN DAYNAME(" + q
                + ") IS NULL THEN " + zero + " ELSE " + fmt + " END"; // DAYNAME is NULL for zero and invalid dates
        return switch (c.dataType()) {
            case "year" -> "CAST(" + q + " + 0 AS CHAR)";
            case "bit" -> "LPAD(BIN(" + q + " + 0), " + c.numericPrecision() + ", '0')";
            case "date" -> zeroDate.apply("DATE_FORMAT(" + q + ", '%Y-%m-%d')");
            case "datetime", "timestamp" -> zeroDate.apply("DATE_FORMAT(" + q + ", '%Y-%m-%d %H:%i:%s.%f')");
            // signed microseconds: HOUR() and the others give the absolute value's parts
            case "time" -> "CONCAT(IF(LEFT(CAST(" + q + " AS CHAR), 1) = '-', '-', ''), HOUR(" + q + ") * 3600000000 + MINUTE("
                    + q + ") * 60000000 + SECOND(" + q + ") * 1000000 + MICROSECOND(" + q + "))";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "LOWER(HEX(" + q + "))";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
                    policies.nulChars() == NulCharPolicy.STRIP
                            ? "REPLACE(CONVERT(" + q + " USING utf8mb4), CHAR(0 USING utf8mb4), '')" : q;
            case "enum", "set" -> q;
            default -> "CAST(" + q + " AS CHAR)"; // integers, decimals, float and double
        };
    }

    private static String pgText(ColumnDef c, String q, String pgType) {
        return switch (c.dataType()) {
            // both print the shortest text that reads back as the same value; PostgreSQL writes 1e+20, MySQL 1e20
            case "float", "double", "real" -> "replace(" + q + "::text, 'e+', 'e')";
            case "date" -> "CASE WHEN isfinite(" + q + ") THEN to_char(" + q + ", 'YYYY-MM-DD') ELSE " + q + "::text END";
            case "datetime", "timestamp" -> "CASE WHEN isfinite(" + q + ") THEN to_char(" + q
                    + ", 'YYYY-MM-DD HH24:MI:SS.US') ELSE " + q + "::text END";
            case "time" -> "(extract(epoch from " + q + ") * 1000000)::numeric(30,0)::text";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "encode(" + q + ", 'hex')";
            case "set" -> "array_to_string(" + q + ", ',')";
            default -> q + "::text";
        };
    }

    ComparedTable table() {
        return table;
    }

    /** The range's checksum on MySQL. */
    Sum mysql(Connection c, KeyRange range) throws SQLException {
        return sum(c, mysqlSql + range.where(ComparedTable::quoteMysql), range);
    }

    /** The range's checksum on PostgreSQL. */
    Sum pg(Connection c, KeyRange range) throws SQLException {
        return sum(c, pgSql + range.where(ComparedTable::quotePg), range);
    }

    private static Sum sum(Connection c, String sql, KeyRange range) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            range.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                BigDecimal hash = rs.getBigDecimal(2);
                return new Sum(rs.getLong(1), hash == null ? BigInteger.ZERO : hash.toBigInteger().mod(MOD));
            }
        }
    }
}
