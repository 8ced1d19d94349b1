package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.chameleon.mysql.CollationIds;
import io.chameleon.mysql.SessionSettings;
import io.chameleon.types.MysqlCharsets;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * QUERY events, read as the library does but with what it leaves out: the session's sql_mode
 * (ANSI_QUOTES and NO_BACKSLASH_ESCAPES change how a statement reads), MySQL's
 * explicit_defaults_for_timestamp, and the client character set the statement's text is written
 * in. The library decodes the text with the JVM's default charset, which is US-ASCII under
 * {@code LANG=C}: every non-ASCII name, default or enum label of a DDL statement would be lost.
 */
final class StatementEventDeserializer implements EventDataDeserializer<StatementEventData> {
    // status variable codes (MySQL's and MariaDB's log_event.h); each has its own length
    private static final int FLAGS2 = 0;
    private static final int SQL_MODE = 1;
    private static final int CATALOG = 2;
    private static final int AUTO_INCREMENT = 3;
    private static final int CHARSET = 4;
    private static final int TIME_ZONE = 5;
    private static final int CATALOG_NZ = 6;
    private static final int LC_TIME_NAMES = 7;
    private static final int CHARSET_DATABASE = 8;
    private static final int TABLE_MAP_FOR_UPDATE = 9;
    private static final int MASTER_DATA_WRITTEN = 10;
    private static final int INVOKER = 11;
    private static final int UPDATED_DB_NAMES = 12;
    private static final int MICROSECONDS = 13;
    private static final int EXPLICIT_DEFAULTS_FOR_TIMESTAMP = 16;
    private static final int DDL_LOGGED_WITH_XID = 17;
    private static final int DEFAULT_COLLATION_FOR_UTF8MB4 = 18;
    private static final int SQL_REQUIRE_PRIMARY_KEY = 19;
    private static final int DEFAULT_TABLE_ENCRYPTION = 20;
    private static final int MARIADB_HRNOW = 128;
    private static final int MARIADB_XID = 129;
    private static final int MARIADB_GTID_FLAGS3 = 130;
    /** UPDATED_DB_NAMES with this count lists no names. */
    private static final int OVER_MAX_DBS = 254;

    @Override
    public StatementEventData deserialize(ByteArrayInputStream in) throws IOException {
        StatementEventData data = new StatementEventData();
        data.setThreadId(in.readLong(4));
        data.setExecutionTime(in.readLong(4));
        int databaseLength = in.readInteger(1);
        data.setErrorCode(in.readInteger(2));
        int statusLength = in.readInteger(2);
        StatusVariables status = StatusVariables.read(in.read(statusLength));
        data.setDatabase(new String(in.read(databaseLength), StandardCharsets.UTF_8));
        in.skip(1); // the database name's terminating zero
        data.setSql(new String(in.read(in.available()), clientCharset(status.clientCharset)));
        data.session(new SessionSettings(status.sqlMode, status.explicitDefaultsForTimestamp));
        return data;
    }

    /** The status variables this reader uses; reading stops at a code it does not know the length of. */
    private static final class StatusVariables {
        long sqlMode = SessionSettings.UNKNOWN_MODE;
        int clientCharset = -1;
        Boolean explicitDefaultsForTimestamp;

        static StatusVariables read(byte[] bytes) {
            StatusVariables v = new StatusVariables();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            try {
                while (b.hasRemaining()) {
                    int code = b.get() & 0xff;
                    switch (code) {
                        case SQL_MODE -> v.sqlMode = b.getLong();
                        case CHARSET -> {
                            v.clientCharset = b.getShort() & 0xffff;
                            skip(b, 4); // collation_connection, collation_server
                        }
                        case EXPLICIT_DEFAULTS_FOR_TIMESTAMP -> v.explicitDefaultsForTimestamp = b.get() != 0;
                        case FLAGS2, AUTO_INCREMENT, MASTER_DATA_WRITTEN -> skip(b, 4);
                        case TABLE_MAP_FOR_UPDATE, DDL_LOGGED_WITH_XID, MARIADB_XID -> skip(b, 8);
                        case LC_TIME_NAMES, CHARSET_DATABASE, DEFAULT_COLLATION_FOR_UTF8MB4 -> skip(b, 2);
                        case MICROSECONDS, MARIADB_HRNOW -> skip(b, 3);
                        case SQL_REQUIRE_PRIMARY_KEY, DEFAULT_TABLE_ENCRYPTION, MARIADB_GTID_FLAGS3 -> skip(b, 1);
                        case CATALOG -> skip(b, (b.get() & 0xff) + 1);
                        case TIME_ZONE, CATALOG_NZ -> skip(b, b.get() & 0xff);
                        case INVOKER -> {
                            skip(b, b.get() & 0xff);
                            skip(b, b.get() & 0xff);
                        }
                        case UPDATED_DB_NAMES -> {
                            int count = b.get() & 0xff;
                            for (int i = 0; count != OVER_MAX_DBS && i < count; i++) {
                                while (b.get() != 0) {
                                    // a zero-terminated name
                                }
                            }
                        }
                        default -> {
                            return v; // unknown length: what was read so far stands
                        }
                    }
                }
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                // a truncated variable: what was read before it stands
            }
            return v;
        }

        private static void skip(ByteBuffer b, int n) {
            b.position(b.position() + n);
        }
    }

    /** The client character set's Java charset; UTF-8 for one Java lacks (armscii8, dec8...), the best guess left. */
    private static Charset clientCharset(int collationId) {
        try {
            return MysqlCharsets.forName(CollationIds.charset(collationId));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
