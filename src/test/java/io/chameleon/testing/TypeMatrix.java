package io.chameleon.testing;

/** The MySQL type matrix the type tests copy and stream: one column per type and variant. */
public final class TypeMatrix {
    /** The column definitions after {@code id int PRIMARY KEY}, as one CREATE TABLE fragment. */
    public static final String COLUMNS = """
              ti tinyint, tiu tinyint unsigned, si smallint, siu smallint unsigned, mi mediumint,
              miu mediumint unsigned, i int, iu int unsigned, bi bigint, biu bigint unsigned,
              dec65 decimal(65,30), dec52 decimal(5,2) unsigned, f float, d double,
              b1 bit(1), b10 bit(10), b64 bit(64), flag tinyint(1), y year,
              da date, dt0 datetime, dt6 datetime(6), ts3 timestamp(3) NULL, tm time, tm6 time(6),
              ch char(5), vc varchar(20), u4 varchar(20) CHARACTER SET utf8mb4,
              l1 varchar(20) CHARACTER SET latin1, tx text, ltx longtext,
              bin binary(4), vb varbinary(10), bl blob,
              e enum('a','b c','é'), st set('x','y','z'), j json,
              g geometry, pt point, mpoly multipolygon""";

    private TypeMatrix() {
    }
}
