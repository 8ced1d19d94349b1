package io.chameleon.types;

import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.schema.ColumnDef;

import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.text;

/** Runs one value through the converter of a column, as the copy does. */
final class ConverterFixture {
    static final ValuePolicies STRICT = new ValuePolicies(ZeroDatePolicy.DISCARD, NulCharPolicy.DISCARD);
    static final ValuePolicies LENIENT = new ValuePolicies(ZeroDatePolicy.NULL, NulCharPolicy.STRIP);

    final ConversionReport report = new ConversionReport();
    final CopyTextBuffer out = new CopyTextBuffer(8);
    private final ColumnConverter converter;

    ConverterFixture(ColumnDef column, PgType type, ValuePolicies policies) {
        converter = ColumnConverters.of(TABLE, column, type, policies);
    }

    /** The column mapped without overrides or PostGIS. */
    ConverterFixture(ColumnDef column, ValuePolicies policies) {
        this(column, new TypeMapper(io.chameleon.config.TypeOverride.Rules.NONE, false).map(TABLE, column), policies);
    }

    String convert(byte[] mysqlText) throws BadValueException {
        out.reset();
        converter.write(mysqlText, out, report);
        return text(out);
    }

    String convert(String mysqlText) throws BadValueException {
        return convert(TestColumns.utf8(mysqlText));
    }
}
