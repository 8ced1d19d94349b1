package io.chameleon.types;

import io.chameleon.pg.Sql;
import io.chameleon.schema.TableName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** A PostgreSQL enum type made for one MySQL enum column: its (unqualified) name and labels in order. */
public record PgEnumType(String name, List<String> labels) {
    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier and enum label, in bytes. */
    public static final int MAX_NAME_BYTES = 63;

    public PgEnumType {
        labels = List.copyOf(labels);
    }

    /** {@code enum_<table>_<column>}, cut to 63 bytes with a hash of the full name when longer. */
    public static String nameFor(TableName table, String column) {
        String full = "enum_" + table.table() + "_" + column;
        byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_BYTES) {
            return full;
        }
        String hash = "_" + sha256Hex(full).substring(0, 8);
        return prefixOfBytes(full, MAX_NAME_BYTES - hash.length()) + hash;
    }

    public String createSql(String schema) {
        return "CREATE TYPE " + Sql.qualified(schema, name) + " AS ENUM ("
                + labels.stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** The longest prefix of {@code s} that fits {@code maxBytes} of UTF-8 without splitting a character. */
    private static String prefixOfBytes(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
