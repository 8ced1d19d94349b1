package io.chameleon.ddl;

import io.chameleon.schema.IndexDef;

import java.util.List;

/** An index as a statement declares it; {@code name} is null when MySQL is left to choose it. */
record ParsedIndex(String name, boolean primary, boolean unique, String type, List<IndexDef.Part> parts) {

    ParsedIndex {
        parts = List.copyOf(parts);
    }

    List<String> columns() {
        return parts.stream().map(IndexDef.Part::column).toList();
    }
}
