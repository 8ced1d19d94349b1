package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads FOREIGN KEY clauses and inline REFERENCES into {@link ParsedForeignKey}s, as the source server reads them. */
final class ForeignKeyReader {
    private final String defaultAction;
    private final boolean inlineReferences;

    ForeignKeyReader(ServerInfo server) {
        // information_schema reports an action left out as RESTRICT on MariaDB, NO ACTION on MySQL 8+
        this.defaultAction = server.isMariaDb() ? "RESTRICT" : "NO ACTION";
        // a column's own REFERENCES was parsed and ignored before MariaDB 10.5 and MySQL 9.0
        this.inlineReferences = server.isMariaDb() ? server.atLeast(10, 5, 0) : server.atLeast(9, 0, 0);
    }

    /** A {@code ForeignKeyTableConstraint} or {@code AlterByAddForeignKey} node. */
    ParsedForeignKey read(Node clause) {
        String symbol = null;
        String indexName = null;
        boolean afterKey = false;
        for (Node c : clause.children()) {
            if (c.is("KEY")) {
                afterKey = true;
            } else if (c.is("Uid")) {
                if (afterKey) {
                    indexName = MysqlText.name(c);
                } else {
                    symbol = MysqlText.name(c);
                }
            }
        }
        List<String> columns = IndexReader.parts(clause.child("IndexColumnNames").orElseThrow()).stream()
                .map(p -> p.column()).toList();
        return reference(symbol, indexName, columns, clause.child("ReferenceDefinition").orElseThrow());
    }

    /** The foreign key a column's inline REFERENCES declares, when the server honours it. */
    Optional<ParsedForeignKey> inline(String column, Node columnDefinition) {
        if (!inlineReferences) {
            return Optional.empty();
        }
        return columnDefinition.child("ReferenceColumnConstraint").flatMap(r -> r.child("ReferenceDefinition"))
                .map(d -> reference(null, null, List.of(column), d));
    }

    private ParsedForeignKey reference(String symbol, String indexName, List<String> columns, Node definition) {
        List<String> referenced = definition.child("IndexColumnNames")
                .map(n -> IndexReader.parts(n).stream().map(p -> p.column()).toList()).orElse(List.of());
        String onDelete = defaultAction;
        String onUpdate = defaultAction;
        List<Node> action = definition.child("ReferenceAction").map(Node::children).orElse(List.of());
        for (int i = 0; i + 2 < action.size(); i += 3) {
            String control = control(action.get(i + 2));
            if (action.get(i + 1).is("DELETE")) {
                onDelete = control;
            } else {
                onUpdate = control;
            }
        }
        return new ParsedForeignKey(symbol, indexName, columns, StatementReader.table(definition.child("TableName")
                .orElseThrow()), referenced, onDelete, onUpdate);
    }

    /** {@code set   null} → {@code SET NULL}. */
    private static String control(Node referenceControlType) {
        List<String> words = new ArrayList<>();
        referenceControlType.children().forEach(w -> words.add(w.text().toUpperCase(Locale.ROOT)));
        return String.join(" ", words);
    }
}
