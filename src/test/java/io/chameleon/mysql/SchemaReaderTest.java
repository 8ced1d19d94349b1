package io.chameleon.mysql;

import io.chameleon.schema.ColumnDef.DefaultKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaReaderTest {
    private final SchemaReader mariadb = new SchemaReader(null, ServerInfo.parse("11.4.5-MariaDB-log"));
    private final SchemaReader mysql = new SchemaReader(null, ServerInfo.parse("8.0.36"));

    @Test
    void enumLabelsAreUnescapedInOrder() {
        assertThat(SchemaReader.enumLabels("enum", "enum('a','b''c','d,e','')")).containsExactly("a", "b'c", "d,e", "");
        assertThat(SchemaReader.enumLabels("set", "set('x','y')")).containsExactly("x", "y");
        assertThat(SchemaReader.enumLabels("int", "int(11)")).isEmpty();
    }

    @Test
    void mariaDbDefaultsAreSqlTextMysqlDefaultsAreValues() {
        assertThat(mariadb.normaliseDefault("'abc'", true, "", "varchar", null).kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("'it''s'", true, "", "varchar", null).value()).isEqualTo("it's");
        assertThat(mariadb.normaliseDefault("-1", true, "", "int", null).value()).isEqualTo("-1");
        assertThat(mariadb.normaliseDefault("0.00", true, "", "decimal", null).kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("NULL", true, "", "int", null).kind()).isEqualTo(DefaultKind.NULL);
        assertThat(mariadb.normaliseDefault("b'101'", true, "", "bit", null).kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("current_timestamp()", false, "", "datetime", null).kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mariadb.normaliseDefault(null, false, "", "int", null).kind()).isEqualTo(DefaultKind.NONE);

        assertThat(mysql.normaliseDefault("abc", true, "", "varchar", null).value()).isEqualTo("abc");
        assertThat(mysql.normaliseDefault("CURRENT_TIMESTAMP", false, "default_generated", "timestamp", null).kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mysql.normaliseDefault(null, true, "", "int", null).kind()).isEqualTo(DefaultKind.NULL);
    }

    @Test
    void mysqlShowsBinaryDefaultsAsHexWithoutTheirTrailingZeros() {
        assertThat(mysql.normaliseDefault("0x6162", true, "", "binary", 3L)).isEqualTo(literal("ab\0"));
        assertThat(mysql.normaliseDefault("0x7879", true, "", "varbinary", 5L)).isEqualTo(literal("xy"));
        assertThat(mysql.normaliseDefault("0x", true, "", "binary", 2L)).isEqualTo(literal("\0\0"));
        // not UTF-8: no way to carry it as a value, so it is an expression (reported and dropped)
        assertThat(mysql.normaliseDefault("0xff", true, "", "varbinary", 2L).kind()).isEqualTo(DefaultKind.EXPRESSION);
    }

    @Test
    void mysqlExpressionDefaultsThatAreOneLiteralAreLiterals() {
        // information_schema escapes the expression's quotes and backslashes once more
        assertThat(mysql.normaliseDefault("_utf8mb4\\'{\"a\": 1}\\'", true, "default_generated", "json", null))
                .isEqualTo(literal("{\"a\": 1}"));
        assertThat(mysql.normaliseDefault("_utf8mb4\\'[\"it\\\\\\'s\", \"a\\\\\\\\\\\\\\\\b\"]\\'", true,
                "default_generated", "json", null)).isEqualTo(literal("[\"it's\", \"a\\\\b\"]"));
        assertThat(mysql.normaliseDefault("0x00ff", true, "default_generated", "blob", null).kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mysql.normaliseDefault("0x6869", true, "default_generated", "blob", null)).isEqualTo(literal("hi"));
        assertThat(mysql.normaliseDefault("json_array(1,2)", true, "default_generated", "json", null).kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mysql.normaliseDefault("concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')", true, "default_generated",
                "varchar", null).kind()).isEqualTo(DefaultKind.EXPRESSION);
    }

    private static SchemaReader.DefaultValue literal(String value) {
        return new SchemaReader.DefaultValue(value, DefaultKind.LITERAL);
    }

    @Test
    void serverStatementsFollowFlavourAndVersion() {
        assertThat(ServerInfo.parse("8.4.0").binaryLogStatusStatement()).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(ServerInfo.parse("8.0.36").binaryLogStatusStatement()).isEqualTo("SHOW MASTER STATUS");
        assertThat(ServerInfo.parse("11.4.5-MariaDB").binaryLogStatusStatement()).isEqualTo("SHOW MASTER STATUS");
        assertThat(ServerInfo.parse("10.11.6-MariaDB-0+deb12u1").gtidVariable()).isEqualTo("@@GLOBAL.gtid_binlog_pos");
        assertThat(ServerInfo.parse("5.7.44-log").gtidVariable()).isEqualTo("@@GLOBAL.gtid_executed");
    }
}
