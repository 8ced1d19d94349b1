package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SchemaMappings;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.IndexNamer;
import io.chameleon.pg.Sql;
import picocli.CommandLine.Command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Command(name = "update_schema_mappings", description = "Make the catalogue's schema mappings of a source those of the"
        + " configuration, renaming the PostgreSQL schemas whose destination changed (the replica stopped).")
final class UpdateSchemaMappingsCommand extends ChameleonCommand {
    private static final Set<SourceStatus> BUSY = Set.of(SourceStatus.RUNNING, SourceStatus.INITIALISING,
            SourceStatus.SYNCING);

    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            SourceRecord record = catalog.sources().get(source.name());
            if (BUSY.contains(record.status())) {
                throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " is " + record.status().label()
                        + "; update_schema_mappings needs it stopped (stop_replica) or the copy finished");
            }
            c.setAutoCommit(false);
            SchemaMappings.Update update = catalog.mappings().update(record.id(), source);
            renameSchemas(c, update.moved().values());
            try (Statement s = c.createStatement()) {
                for (String pg : update.added().values()) {
                    // there already, so that a CREATE TABLE replayed before refresh_schema has a schema to go to
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(pg));
                }
            }
            c.commit();
            if (update.none()) {
                io.out().println("source " + source.name() + ": the catalogue's schema mappings are the configuration's;"
                        + " nothing to do");
                return ExitCode.OK;
            }
            update.moved().forEach((mysql, m) -> io.out().println("moved: MySQL schema " + mysql + " from PostgreSQL"
                    + " schema " + m.get(0) + " to " + m.get(1)));
            update.added().forEach((mysql, pg) -> io.out().println("added: MySQL schema " + mysql + " into PostgreSQL"
                    + " schema " + pg + "; copy its tables with refresh_schema --source " + source.name() + " --schema "
                    + mysql));
            update.removed().forEach((mysql, pg) -> io.out().println("removed: MySQL schema " + mysql + " is no longer"
                    + " replicated; PostgreSQL schema " + pg + " stays as it is (drop it yourself if it is not needed)"));
        }
        return ExitCode.OK;
    }

    /**
     * The tables move with their schemas, through a temporary name each, so two schemas may swap.
     * A destination PostgreSQL already has, other than one of the schemas moving away, is refused:
     * it may hold data.
     */
    private static void renameSchemas(Connection c, Collection<List<String>> moves) throws SQLException {
        Set<String> leaving = new HashSet<>();
        moves.forEach(m -> leaving.add(m.get(0)));
        List<List<String>> present = new ArrayList<>();
        for (List<String> m : moves) {
            if (exists(c, m.get(1)) && !leaving.contains(m.get(1))) {
                throw new CommandFailure(ExitCode.REFUSED, "PostgreSQL schema " + m.get(1) + " exists already and is not"
                        + " one of the source's schemas: rename it (or drop it if it holds nothing you need), then run"
                        + " update_schema_mappings again; nothing was changed");
            }
            if (exists(c, m.get(0))) {
                present.add(m);
            }
        }
        try (Statement s = c.createStatement()) {
            for (List<String> m : present) {
                s.execute("ALTER SCHEMA " + Sql.ident(m.get(0)) + " RENAME TO " + Sql.ident(moving(m.get(0))));
            }
            for (List<String> m : present) {
                s.execute("ALTER SCHEMA " + Sql.ident(moving(m.get(0))) + " RENAME TO " + Sql.ident(m.get(1)));
            }
        }
    }

    private static String moving(String schema) {
        return IndexNamer.fit("_" + schema + "_moving");
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
