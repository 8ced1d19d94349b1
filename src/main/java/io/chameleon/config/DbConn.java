package io.chameleon.config;

/**
 * A source's {@code db_conn}. {@code database} is required for pgsql sources and absent for mysql
 * ones.
 */
public record DbConn(String host, int port, String user, String password, String charset,
        int connectTimeoutSeconds, String database) {

    /** host:port, for messages. */
    public String describe() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "DbConn[" + user + "@" + describe() + (database == null ? "" : "/" + database)
                + ", charset=" + charset + ", connectTimeout=" + connectTimeoutSeconds + ", password=***]";
    }
}
