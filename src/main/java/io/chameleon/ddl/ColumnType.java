package io.chameleon.ddl;

import java.util.List;

/**
 * A column's type as information_schema would report it, read from a declaration: the data
 * type ({@code int}), the full type ({@code int(10) unsigned}) and its dimensions.
 *
 * @param declaredLength the n of {@code TEXT(n)}/{@code BLOB(n)}, which picks the text or blob size by charset
 * @param charset the character set written with the type (or implied by its collation or NATIONAL); null when not given
 * @param textual whether the column holds characters, so takes the table's character set when none is given
 */
record ColumnType(
        String dataType,
        String columnType,
        boolean unsigned,
        Long charLength,
        Integer precision,
        Integer scale,
        Integer fraction,
        List<String> labels,
        Long declaredLength,
        String charset,
        boolean textual) {

    ColumnType {
        labels = List.copyOf(labels);
    }

    ColumnType withCharset(String cs) {
        return new ColumnType(dataType, columnType, unsigned, charLength, precision, scale, fraction, labels,
                declaredLength, cs, textual);
    }
}
