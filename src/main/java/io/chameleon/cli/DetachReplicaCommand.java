package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceTransition;
import io.chameleon.config.SourceConfig;
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

@Command(name = "detach_replica", description = "End a migration: make the source's PostgreSQL schemas work on their"
        + " own (sequences, MySQL's foreign keys) and remove the source from the catalogue (asks for confirmation).")
final class DetachReplicaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
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
        }
        return ExitCode.OK;
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
