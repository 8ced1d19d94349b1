package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.chameleon.config.DbConn;
import io.chameleon.config.Tls;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MysqlGtidSet;
import io.chameleon.schema.TableName;
import io.chameleon.tls.TlsContexts;
import io.chameleon.tls.TlsFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a source's binlog from a file/position, or by GTID (a MariaDB position or a MySQL set), and
 * hands every whole transaction, with the row changes of the followed tables, to a
 * {@link TransactionSink}; one larger than its {@link BatchBounds} in parts.
 *
 * <p>One connection, read on a daemon thread named after the source. The reader never reconnects by
 * itself: a client that resumes after the last event it saw may start mid-transaction. When the
 * connection is refused, drops, or stays silent for three heartbeat intervals, the reader stops
 * and {@link #failure()} is a {@link SourceUnavailable}: its owner starts a new reader from the
 * applied position. A failure to decode or deliver an event stops it too, with any other exception.
 */
public final class BinlogReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);
    /** The server sends a heartbeat when idle this long, so an idle source is told from a dead one. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** No event, not even a heartbeat, for this many heartbeat intervals means the connection is dead. */
    private static final int SILENT_HEARTBEATS = 3;
    /** How long stop() waits for the reading thread to end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String source;
    private final DbConn conn;
    /** Where reading started, for messages. */
    private final String startText;
    private final Mysqlbinlog inspect;
    private final BinaryLogClient client;
    private final TransactionAssembler assembler;
    private final SilenceWatchdog watchdog;
    private final Thread thread;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Counted down once connected or once the reading thread ends, whichever comes first. */
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile BinlogPosition readUpTo;

    /**
     * @param source the source's name, for thread names and messages
     * @param serverId the replica server id the reader registers with; unique among the source's replicas
     * @param start where to read from: just after the last applied transaction
     * @param tables the followed tables; changes of other tables are left out
     */
    public BinlogReader(String source, DbConn conn, long serverId, BinlogPosition start,
            Map<TableName, ReaderTable> tables, BinlogValues values, BatchBounds bounds, TransactionSink sink) {
        this(source, conn, serverId, start, false, tables, values, bounds, sink);
    }

    /**
     * @param source the source's name, for thread names and messages
     * @param serverId the replica server id the reader registers with; unique among the source's replicas
     * @param start where to read from: just after the last applied transaction
     * @param byGtid resume from {@code start}'s GTID position (MariaDB) or GTID set (MySQL) rather than
     *     its file and position (gtid_enable); without a GTID position in {@code start} the file and
     *     position are used
     * @param tables the followed tables; changes of other tables are left out
     * @param bounds a transaction larger than these is handed to {@code sink} in parts
     */
    public BinlogReader(String source, DbConn conn, long serverId, BinlogPosition start, boolean byGtid,
            Map<TableName, ReaderTable> tables, BinlogValues values, BatchBounds bounds, TransactionSink sink) {
        this(source, conn, serverId, start, byGtid, tables, values, bounds, sink, SchemaFollower.NONE, HEARTBEAT);
    }

    /**
     * A reader that follows DDL.
     *
     * @param follower told of each statement and of each table map that contradicts the tracked columns, in
     *     binlog order on the reading thread; the tables it returns decode the rows after it
     */
    public BinlogReader(String source, DbConn conn, long serverId, BinlogPosition start, boolean byGtid,
            Map<TableName, ReaderTable> tables, BinlogValues values, BatchBounds bounds, TransactionSink sink,
            SchemaFollower follower) {
        this(source, conn, serverId, start, byGtid, tables, values, bounds, sink, follower, HEARTBEAT);
    }

    /** @param heartbeat how often an idle server sends a heartbeat; shorter in tests of the watchdog */
    BinlogReader(String source, DbConn conn, long serverId, BinlogPosition start, boolean byGtid,
            Map<TableName, ReaderTable> tables, BinlogValues values, BatchBounds bounds, TransactionSink sink,
            SchemaFollower follower, Duration heartbeat) {
        this.source = source;
        this.conn = conn;
        this.startText = start.toString();
        this.inspect = Mysqlbinlog.of(conn);
        String gtid = start.gtidSet();
        boolean byMysqlSet = byGtid && MysqlGtidSet.isMysqlForm(gtid);
        client = new MysqlGtidDumpClient(conn.host(), conn.port(), conn.user(),
                conn.password() == null ? "" : conn.password(), byMysqlSet ? MysqlGtidSet.parse(gtid) : null);
        client.setServerId(serverId);
        if (byGtid && !byMysqlSet && gtid != null && !gtid.isBlank()) {
            client.setGtidSet(gtid.strip()); // MariaDB: the library sends it as @slave_connect_state
        } else {
            if (byGtid && !byMysqlSet) {
                LOG.warn("no GTID position recorded for {}: reading from the binlog file and position", start);
            }
            // unused when resuming by a MySQL GTID set, but messages name the client's file until the first rotate
            client.setBinlogFilename(start.file());
            client.setBinlogPosition(start.position());
        }
        client.setEventDeserializer(BinlogEventDeserializer.create());
        useTls(conn);
        client.setConnectTimeout(Duration.ofSeconds(conn.connectTimeoutSeconds()).toMillis());
        client.setHeartbeatInterval(heartbeat.toMillis());
        client.setKeepAlive(false);
        // the client's own helper threads (the connect timeout) must not keep the JVM alive either
        client.setThreadFactory(r -> daemon(r, "binlog-" + source + "-helper"));
        assembler = new TransactionAssembler(start.file(), gtid, tables, new RowImages(values), bounds, sink, follower,
                inspect);
        Duration silence = heartbeat.multipliedBy(SILENT_HEARTBEATS);
        watchdog = new SilenceWatchdog("binlog-" + source + "-watchdog", silence, client::isConnected,
                () -> lost(new SourceUnavailable(where() + " sent nothing, not even a heartbeat, for "
                        + silence.toSeconds() + " s: the connection is taken for dead", null)));
        client.registerEventListener(this::onEvent);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient c) {
                watchdog.alive();
                started.countDown();
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception e) {
                lost(e);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception e) {
                // the client would skip the event and read on: a lost row
                fail(new IllegalStateException("source " + source + ": the binlog event at " + c.getBinlogFilename()
                        + ":" + c.getBinlogPosition() + " could not be decoded: " + ReadFailures.describe(e)
                        + "; inspect it with: " + inspect.command(c.getBinlogFilename(), c.getBinlogPosition(), 0), e));
            }
        });
        thread = daemon(this::read, "binlog-" + source);
    }

    /**
     * Connects and starts reading on the reader's own thread; returns once connected.
     *
     * @throws SourceUnavailable when the server cannot be reached or refuses for a passing reason
     * @throws IllegalStateException when the server refuses the request itself (credentials, a purged binlog)
     */
    public void start() throws SourceUnavailable, InterruptedException {
        watchdog.start();
        thread.start();
        Duration wait = Duration.ofSeconds(conn.connectTimeoutSeconds()).plus(STOP_WAIT);
        if (!started.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            lost(new SourceUnavailable(where() + " did not answer within " + wait.toSeconds() + " s", null));
        }
        Exception e = failure.get();
        if (e != null) {
            stop();
            if (e instanceof SourceUnavailable unavailable) {
                throw unavailable;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Disconnects and waits for the reading thread to end; the transaction being read is dropped
     * (it is read again on the next start). Call it after the sink's consumer stopped taking
     * transactions and made the sink refuse them, as a sink blocked on a full queue holds the reader.
     */
    public void stop() {
        stopping = true;
        disconnect();
        try {
            thread.join(STOP_WAIT.toMillis());
            watchdog.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the binlog reader of source {} did not end within {} s", source, STOP_WAIT.toSeconds());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The end of the last event read, without a GTID set: every transaction and statement that
     * ends there or before is in the sink already. Null before the first event.
     */
    public BinlogPosition readUpTo() {
        return readUpTo;
    }

    /** Why the reader stopped by itself, if it did: a {@link SourceUnavailable} for an outage. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The reading thread: the client's blocking connect() returns when the connection ends, for whatever reason. */
    private void read() {
        try {
            client.connect();
            lost(new EOFException("the server closed the connection"));
        } catch (IOException | RuntimeException e) {
            lost(e);
        } finally {
            started.countDown();
        }
    }

    // the client logs and swallows a listener's exception and reads on: stop instead, or rows are lost
    private void onEvent(Event event) {
        if (failure.get() != null) {
            return;
        }
        watchdog.delivering();
        try {
            assembler.accept(event);
            readUpTo = assembler.readUpTo();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (BinlogEventFailure e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new BinlogEventFailure("source " + source + ": the binlog event at " + assembler.place(event)
                    + " could not be read: " + ReadFailures.describe(e) + "; inspect it with: "
                    + assembler.inspectCommand(event), e));
        } finally {
            watchdog.alive();
        }
    }

    /**
     * TLS as db_conn's ssl keys say, with the trust and key managers of the JDBC side. verify-full is asked of the
     * library as VERIFY_CA: our trust manager matches the host name during the handshake, by the same rules as
     * the queries' connections, so the library's own host name check would only repeat it.
     */
    private void useTls(DbConn conn) {
        Tls tls = conn.tls();
        client.setSSLMode(switch (tls.mode()) {
            case DISABLE -> SSLMode.DISABLED;
            case PREFER -> SSLMode.PREFERRED;
            case REQUIRE -> SSLMode.REQUIRED;
            case VERIFY_CA, VERIFY_FULL -> SSLMode.VERIFY_CA;
        });
        if (tls.enabled()) {
            client.setSslSocketFactory(plain -> {
                try {
                    return TlsContexts.layer(tls, conn.host(), plain);
                } catch (IOException e) {
                    SocketException refused = new SocketException(e.getMessage());
                    refused.initCause(e);
                    throw refused;
                }
            });
        }
    }

    /** The connection ended without stop(): an outage, or a refusal reading again cannot fix. */
    private void lost(Exception e) {
        if (stopping) {
            return;
        }
        Optional<String> tls = TlsFailures.reason(e);
        if (tls.isPresent()) {
            fail(new IllegalStateException("source " + source + ": TLS to MySQL " + conn.describe() + " failed: "
                    + tls.get(), e));
            return;
        }
        if (e instanceof SourceUnavailable || ReadFailures.isOutage(e)) {
            SourceUnavailable outage = e instanceof SourceUnavailable s ? s
                    : new SourceUnavailable(where() + " is unavailable: " + ReadFailures.describe(e), e);
            if (failure.compareAndSet(null, outage)) {
                LOG.debug("the binlog reader stops: {}", outage.getMessage(), e);
                disconnect();
            }
        } else {
            fail(new IllegalStateException("source " + source + ": the MySQL server " + conn.describe()
                    + " refused the binlog stream at " + client.getBinlogFilename() + ":" + client.getBinlogPosition()
                    + ": " + ReadFailures.describe(e) + ReadFailures.fix(e, startText) + "; inspect the binlog there with: "
                    + inspect.command(client.getBinlogFilename(), client.getBinlogPosition(), 0), e));
        }
    }

    private void fail(Exception e) {
        if (failure.compareAndSet(null, e)) {
            LOG.error("the binlog reader stops: {}", e.getMessage(), e);
            disconnect();
        }
    }

    private String where() {
        return "source " + source + ": the MySQL server " + conn.describe();
    }

    private void disconnect() {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("binlog connection closed with an error", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
