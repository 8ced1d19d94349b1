package io.chameleon.cli;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceTransition;
import io.chameleon.compare.CompareRefused;
import io.chameleon.compare.CompareReport;
import io.chameleon.compare.CompareRun;
import io.chameleon.config.SourceConfig;
import io.chameleon.detach.CutoverWait;
import io.chameleon.detach.Detachment;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ConsistentSnapshot;
import io.chameleon.mysql.MysqlConnector;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import picocli.CommandLine.Command;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Command(name = "detach_replica", description = "End a migration: make the source's PostgreSQL schemas work on their"
        + " own (sequences, MySQL's foreign keys) and remove the source from the catalogue (asks for confirmation).")
final class DetachReplicaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        BinlogPosition finalAt = null;
        if (opts.waitForReplica) {
            try {
                finalAt = cutOver(source);
            } catch (CutoverWait.Refused | CompareRefused e) {
                throw new CommandFailure(ExitCode.REFUSED, e.getMessage() + "; nothing detached");
            }
        } else if (opts.setReadOnly || opts.compareFirst) {
            throw new CommandFailure(ExitCode.USAGE, "--set-read-only and --compare go with --wait");
        }
        long detachStart = System.nanoTime();
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            SourceRecord record = requireDetachable(catalog, source);
            Map<TableName, Long> mysqlNext = new HashMap<>();
            List<ForeignKeyDef> keys = new ArrayList<>();
            BinlogPosition mysqlAt;
            try (Connection my = new MysqlConnector(source.dbConn()).open()) {
                ServerInfo server = ServerInfo.read(my);
                SchemaReader reader = new SchemaReader(my, server);
                for (String schema : source.schemaMappings().keySet()) {
                    reader.autoIncrements(schema).forEach((t, next) -> mysqlNext.put(new TableName(schema, t), next));
                    keys.addAll(reader.foreignKeys(schema));
                }
                mysqlAt = ConsistentSnapshot.readPosition(my, server);
            }
            List<String> notice = new ArrayList<>();
            if (record.applied() != null && !record.applied().includes(mysqlAt)) {
                notice.add("MySQL's binlog is at " + mysqlAt + ", replay stands at " + record.applied() + ": changes"
                        + " written since are not in PostgreSQL. For a migration, stop the writes to MySQL and let"
                        + " start_replica catch up (show_status) before detaching.");
            }
            List<TableName> stale = catalog.tables().list(record.id()).stream().filter(t -> !t.replicated())
                    .map(ReplicatedTable::mysqlName).toList();
            if (!stale.isEmpty()) {
                notice.add("These tables are not replicated and hold what init_replica (or sync_tables) copied: " + stale
                        + ".");
            }
            notice.forEach(n -> io.out().println("note: " + n));
            if (!confirmed("This detaches source " + source.name() + ": the sequences of " + source.schemaMappings().values()
                    + " are set past every key, MySQL's foreign keys are created, and the source leaves the catalogue;"
                    + " the schemas then work on their own and the replica cannot be started again.")) {
                throw new CommandFailure(ExitCode.REFUSED, "not confirmed; source " + source.name() + " kept");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + Sql.literal(source.lockTimeout()));
            }
            Detachment detachment = new Detachment(c, source);
            detachment.prepare(mysqlNext, keys);
            // checked again in the statement that removes it: a replica may have started while the question was asked
            catalog.sources().drop(source.name(), SourceTransition.DETACH_REPLICA, InetAddress.getLocalHost().getHostName());
            c.commit();
            detachment.validate();
            detachment.warnings().forEach(w -> io.out().println("warning: " + w));
            io.out().println("detached source " + source.name() + ": " + detachment.sequences() + " sequences set, "
                    + detachment.foreignKeys() + " foreign keys created, " + detachment.warnings().size() + " warnings;"
                    + " " + source.schemaMappings().values() + " now work on their own");
            Alerts.send(Alert.info(source.name(), "source " + source.name() + " detached: "
                    + source.schemaMappings().values() + " now work on their own", null));
        }
        if (finalAt != null) {
            io.out().println("step detach: done in " + millisSince(detachStart) + " ms");
            io.out().println("final binlog position " + finalAt.file() + ":" + finalAt.position() + ", GTID set "
                    + (finalAt.gtidSet() == null || finalAt.gtidSet().isEmpty() ? "(none)" : finalAt.gtidSet()));
        }
        return ExitCode.OK;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String name, Step<T> step) throws Exception {
        io.out().println("step " + name + " ...");
        long start = System.nanoTime();
        T result = step.run();
        io.out().println("step " + name + ": done in " + millisSince(start) + " ms");
        return result;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * --wait: MySQL read-only if asked, the replica caught up with everything MySQL has logged, compared
     * if asked (different: refused, nothing detached), then stopped; MySQL must not have logged more
     * meanwhile. Returns the final point, where MySQL and PostgreSQL are the same.
     */
    private BinlogPosition cutOver(SourceConfig source) throws Exception {
        try (Connection c = openCatalogConnection(); Connection my = new MysqlConnector(source.dbConn()).open()) {
            Catalog catalog = Catalog.open(c);
            ServerInfo server = ServerInfo.read(my);
            if (opts.setReadOnly) {
                step("set MySQL read-only", () -> {
                    CutoverWait.setReadOnly(my, server, new MysqlConnector(source.dbConn()).conn().describe());
                    return null;
                });
            }
            BinlogPosition logged = CutoverWait.logged(my, server);
            io.out().println("MySQL has logged up to " + logged);
            step("wait until the replica has applied it", () -> CutoverWait.awaitApplied(catalog, source.name(), logged,
                    java.time.Duration.ofSeconds(opts.waitTimeout)));
            if (opts.compareFirst) {
                CompareReport report = step("compare", () -> new CompareRun(config(), source).run(Set.of(), null,
                        false, Long.MAX_VALUE));
                io.out().print(report.text());
                if (!report.equal()) {
                    throw new CommandFailure(ExitCode.DIFFERENT, "compare found " + report.differenceCount()
                            + " differences at " + report.point() + ": nothing detached, the replica keeps running;"
                            + " compare --repair, or sync_tables, then detach_replica --wait again");
                }
            }
            step("stop the replica", () -> {
                if (!ReplicaStop.stop(List.of(source.name()), config().name(), config().global().pidDir(), io.out())) {
                    throw new CutoverWait.Refused("the replica of source " + source.name() + " did not stop");
                }
                return null;
            });
            BinlogPosition now = CutoverWait.logged(my, server);
            if (!logged.includes(now)) {
                throw new CutoverWait.Refused("MySQL logged more since " + logged + " (now " + now + "): the writes"
                        + " have not stopped. Stop them (or use --set-read-only), start_replica, and run detach_replica"
                        + " --wait again");
            }
            return logged;
        }
    }

    private static SourceRecord requireDetachable(Catalog catalog, SourceConfig source) throws Exception {
        SourceRecord record = catalog.sources().get(source.name());
        Optional<String> refusal = SourceTransition.DETACH_REPLICA.refusalFor(record,
                InetAddress.getLocalHost().getHostName(), Instant.now());
        if (refusal.isPresent()) {
            throw new CommandFailure(ExitCode.REFUSED, refusal.get());
        }
        return record;
    }
}
