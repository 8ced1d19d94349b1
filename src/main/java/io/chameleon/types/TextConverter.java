package io.chameleon.types;

import io.chameleon.config.SourceConfig.NulCharPolicy;

/** Character data: escaped UTF-8; NUL characters, which PostgreSQL text cannot hold, per nul_chars. */
final class TextConverter implements ColumnConverter {
    private final ColumnRef column;
    private final NulCharPolicy nulChars;

    TextConverter(ColumnRef column, NulCharPolicy nulChars) {
        this.column = column;
        this.nulChars = nulChars;
    }

    @Override
    public void write(byte[] v, CopyTextBuffer out, ConversionReport report) throws BadValueException {
        int mark = out.length();
        int nuls = out.writeEscaped(v, 0, v.length);
        if (nuls > 0) {
            nulCharsFound(column, nulChars, v, out, mark, report);
        }
    }

    /** Counts the stripped NULs, or undoes the value and refuses it under nul_chars: discard. */
    static void nulCharsFound(ColumnRef column, NulCharPolicy policy, byte[] value, CopyTextBuffer out, int mark,
            ConversionReport report) throws BadValueException {
        if (policy == NulCharPolicy.DISCARD) {
            out.truncate(mark);
            throw new BadValueException(column, value, "contains NUL characters, which PostgreSQL cannot store in text",
                    "set nul_chars: strip under the source to keep the row without them");
        }
        report.record(column, Adjustment.NUL_CHAR_STRIPPED);
    }
}
