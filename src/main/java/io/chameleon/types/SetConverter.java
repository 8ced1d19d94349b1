package io.chameleon.types;

import io.chameleon.config.SourceConfig.NulCharPolicy;

/**
 * SET: MySQL's comma-separated members (in declaration order; a label cannot contain a comma) →
 * a text[] literal with every element quoted, escaped once for the array and once for COPY.
 */
final class SetConverter implements ColumnConverter {
    private final ColumnRef column;
    private final NulCharPolicy nulChars;

    SetConverter(ColumnRef column, NulCharPolicy nulChars) {
        this.column = column;
        this.nulChars = nulChars;
    }

    @Override
    public void write(byte[] v, CopyTextBuffer out, ConversionReport report) throws BadValueException {
        int mark = out.length();
        out.writeByte('{');
        int nuls = 0;
        if (v.length > 0) {
            out.writeByte('"');
            for (byte c : v) {
                switch (c) {
                    case ',' -> { out.writeByte('"'); out.writeByte(','); out.writeByte('"'); }
                    case '"' -> { out.writeByte('\\'); out.writeByte('\\'); out.writeByte('"'); }
                    case '\\' -> { out.writeByte('\\'); out.writeByte('\\'); out.writeByte('\\'); out.writeByte('\\'); }
                    case '\t' -> { out.writeByte('\\'); out.writeByte('t'); }
                    case '\n' -> { out.writeByte('\\'); out.writeByte('n'); }
                    case '\r' -> { out.writeByte('\\'); out.writeByte('r'); }
                    case 0 -> nuls++;
                    default -> out.writeByte(c);
                }
            }
            out.writeByte('"');
        }
        out.writeByte('}');
        if (nuls > 0) {
            TextConverter.nulCharsFound(column, nulChars, v, out, mark, report);
        }
    }
}
