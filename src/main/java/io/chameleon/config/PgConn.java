package io.chameleon.config;

/** The target PostgreSQL connection ({@code pg_conn}). */
public record PgConn(String host, int port, String user, String password, String database, String charset,
        Tls tls) {

    /** Without TLS. */
    public PgConn(String host, int port, String user, String password, String database, String charset) {
        this(host, port, user, password, database, charset, Tls.DISABLED);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** host:port/database, for messages. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PgConn[" + user + "@" + describe() + ", sslmode=" + tls.mode().keyword() + ", password=***]";
    }
}
