package io.chameleon.config;

/**
 * A source's {@code db_conn}. {@code database} is required for pgsql sources and absent for mysql
 * ones.
 */
public record DbConn(String host, int port, String user, String password, String charset,
        int connectTimeoutSeconds, String database, Tls tls) {

    /** Without TLS, as db_conn connects by default. */
    public DbConn(String host, int port, String user, String password, String charset, int connectTimeoutSeconds,
            String database) {
        this(host, port, user, password, charset, connectTimeoutSeconds, database, Tls.DISABLED);
    }

    /** host:port, for messages. */
    public String describe() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "DbConn[" + user + "@" + describe() + (database == null ? "" : "/" + database)
                + ", charset=" + charset + ", connectTimeout=" + connectTimeoutSeconds + ", sslmode="
                + tls.mode().keyword() + ", password=***]";
    }
}
