package io.chameleon.types;

import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.List;

/** Builds the converter of each column from its {@link PgType}: the one place values are converted. */
public final class ColumnConverters {
    private ColumnConverters() {}

    /** One converter per column of {@code table}, in column order; {@code types} in the same order. */
    public static ColumnConverter[] forTable(TableDef table, List<PgType> types, ValuePolicies policies) {
        if (types.size() != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + ": " + table.columns().size() + " columns but "
                    + types.size() + " types");
        }
        ColumnConverter[] converters = new ColumnConverter[types.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = of(table.name(), table.columns().get(i), types.get(i), policies);
        }
        return converters;
    }

    public static ColumnConverter of(TableName table, ColumnDef column, PgType type, ValuePolicies policies) {
        ColumnRef ref = new ColumnRef(table, column.name());
        return switch (type.format()) {
            // MySQL's digits and TIME's [-]HHH:MM:SS[.f] are PostgreSQL input as they are, no escapes needed
            case NUMBER, TIME -> (v, out, report) -> out.writeAscii(v);
            case NUMBER_AS_BOOLEAN -> (v, out, report) -> out.writeByte(isZero(v) ? 'f' : 't');
            case BIT -> BitConverters.bitString(ref, MysqlType.bitWidth(column));
            case BIT_AS_NUMBER -> BitConverters.number(ref);
            case BIT_AS_BOOLEAN -> BitConverters.bool();
            case DATE, DATETIME -> new DateConverter(ref, false, !column.nullable(), policies.zeroDates());
            case TIMESTAMP -> new DateConverter(ref, true, !column.nullable(), policies.zeroDates());
            case TEXT, ENUM -> new TextConverter(ref, policies.nulChars());
            case SET -> new SetConverter(ref, policies.nulChars());
            case JSON -> new JsonConverter(ref, policies.nulChars());
            case BYTEA -> (v, out, report) -> out.writeBytea(v, 0, v.length);
            case GEOMETRY_EWKB -> new GeometryConverter(ref, true);
            case GEOMETRY_WKB -> new GeometryConverter(ref, false);
        };
    }

    /** Whether MySQL's number text is zero: no digit 1-9 before any exponent ('0', '-0.00', '0e5'). */
    static boolean isZero(byte[] number) {
        for (byte c : number) {
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
