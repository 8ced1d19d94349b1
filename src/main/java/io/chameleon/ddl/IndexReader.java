package io.chameleon.ddl;

import io.chameleon.schema.IndexDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an index declaration, in CREATE TABLE, ALTER TABLE ADD ... or CREATE INDEX: its name (the
 * index name, else the CONSTRAINT symbol), kind and parts.
 */
final class IndexReader {
    private static final Set<String> KEYWORDS = Set.of("PRIMARY", "UNIQUE", "INDEX", "KEY", "FULLTEXT", "SPATIAL");

    private IndexReader() {
    }

    static ParsedIndex read(Node declaration) {
        String symbol = null;
        String name = null;
        boolean afterConstraint = false;
        boolean afterKeyword = false;
        for (Node c : declaration.children()) {
            if (c.is("IndexColumnNames") || c.is("TableName")) {
                break;
            }
            if (c.is("CONSTRAINT")) {
                afterConstraint = true;
            } else if (KEYWORDS.contains(c.kind())) {
                afterKeyword = true;
            } else if (c.is("Uid")) {
                if (afterKeyword) {
                    name = MysqlText.name(c);
                } else if (afterConstraint) {
                    symbol = MysqlText.name(c);
                }
            }
        }
        boolean primary = declaration.has("PRIMARY");
        boolean unique = primary || declaration.has("UNIQUE");
        String type = declaration.has("FULLTEXT") ? "FULLTEXT" : declaration.has("SPATIAL") ? "SPATIAL" : "BTREE";
        Node columns = declaration.child("IndexColumnNames")
                .orElseThrow(() -> new DdlSkip("index without columns: " + declaration.text()));
        return new ParsedIndex(primary ? "PRIMARY" : name != null ? name : symbol, primary, unique, type, parts(columns));
    }

    static List<IndexDef.Part> parts(Node indexColumnNames) {
        List<IndexDef.Part> parts = new ArrayList<>();
        for (Node p : indexColumnNames.children("IndexColumnName")) {
            Node column = p.child("Uid").or(() -> p.child("FullColumnName")).orElse(null);
            if (column == null) {
                parts.add(new IndexDef.Part(null, null, p.text()));
            } else {
                Integer prefix = p.child("DecimalLiteral").map(d -> Integer.parseInt(d.text().strip())).orElse(null);
                parts.add(new IndexDef.Part(MysqlText.name(column), prefix, null));
            }
        }
        return parts;
    }
}
