package io.chameleon.ddl;

import io.chameleon.mysql.SchemaReader;

import java.util.List;
import java.util.Optional;

/** Reads a column declaration ({@code ColumnDefinition}): its type and its constraints. */
final class ColumnReader {
    private final TypeReader types;

    ColumnReader(TypeReader types) {
        this.types = types;
    }

    ParsedColumn read(String name, Node definition) {
        Node typeNode = definition.children().stream().filter(n -> n.kind().endsWith("DataType")).findFirst()
                .orElseThrow(() -> new DdlSkip("column " + name + " has no data type"));
        ColumnType type = types.read(typeNode);
        Optional<String> collation = definition.child("CollateColumnConstraint")
                .flatMap(c -> c.find("CollationName")).map(n -> MysqlText.identifier(n.text()));
        if (type.charset() == null && type.textual() && collation.isPresent()) {
            type = type.withCharset(SchemaReader.charsetOf(collation.get()));
        }
        Boolean nullable = null;
        DefaultSpec defaultValue = null;
        boolean onUpdate = false;
        boolean autoIncrement = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean generated = false;
        for (Node c : definition.children()) {
            switch (c.kind()) {
                case "NullColumnConstraint" -> nullable = !c.find("NOT").isPresent();
                case "DefaultColumnConstraint" -> {
                    defaultValue = c.child("DefaultValue").map(ColumnReader::defaultOf).orElse(null);
                    onUpdate |= c.child("DefaultValue").map(v -> v.has("ON")).orElse(false);
                }
                // the grammar puts a lone ON UPDATE under the auto_increment rule
                case "AutoIncrementColumnConstraint" -> {
                    autoIncrement |= c.has("AUTO_INCREMENT");
                    onUpdate |= c.has("ON");
                }
                case "PrimaryKeyColumnConstraint" -> primaryKey = true;
                case "UniqueKeyColumnConstraint" -> unique = true;
                case "GeneratedColumnConstraint" -> generated = true;
                case "SerialDefaultColumnConstraint" -> {
                    nullable = false;
                    autoIncrement = true;
                    unique = true;
                }
                default -> { }
            }
        }
        if (type.dataType().equals("serial")) {
            return new ParsedColumn(name, type, false, defaultValue, onUpdate, true, generated, primaryKey, true);
        }
        return new ParsedColumn(name, type, nullable, defaultValue, onUpdate, autoIncrement, generated, primaryKey,
                unique);
    }

    /** A {@code DefaultValue} node: a literal, NULL, a clock function or an expression (ON UPDATE left out). */
    static DefaultSpec defaultOf(Node value) {
        List<Node> parts = value.children();
        int end = 0;
        while (end < parts.size() && !parts.get(end).is("ON")) {
            end++;
        }
        parts = parts.subList(0, end);
        Node first = parts.get(0);
        if (first.is("NULL_LITERAL")) {
            return DefaultSpec.NULL;
        }
        if (first.is("CurrentTimestamp")) {
            return new DefaultSpec(DefaultSpec.Kind.EXPRESSION, first.text());
        }
        boolean signed = first.is("UnaryOperator");
        String sign = signed && first.text().strip().equals("-") ? "-" : "";
        if (parts.size() != (signed ? 2 : 1) || !parts.get(parts.size() - 1).is("Constant")) {
            return new DefaultSpec(DefaultSpec.Kind.EXPRESSION, value.text());
        }
        Node literal = parts.get(parts.size() - 1).children().get(0);
        String text = literal.text().strip();
        return switch (literal.kind()) {
            case "StringLiteral" -> new DefaultSpec(DefaultSpec.Kind.STRING, MysqlText.string(literal));
            case "DecimalLiteral" -> new DefaultSpec(DefaultSpec.Kind.NUMBER, sign + text);
            case "HexadecimalLiteral" -> new DefaultSpec(DefaultSpec.Kind.HEX, MysqlText.hexDigits(text));
            case "BooleanLiteral" -> new DefaultSpec(DefaultSpec.Kind.BOOLEAN, text.equalsIgnoreCase("true") ? "1" : "0");
            case "BIT_STRING" -> new DefaultSpec(DefaultSpec.Kind.BITS, MysqlText.bitDigits(text));
            case "NULL_LITERAL" -> DefaultSpec.NULL;
            default -> new DefaultSpec(DefaultSpec.Kind.EXPRESSION, value.text());
        };
    }
}
