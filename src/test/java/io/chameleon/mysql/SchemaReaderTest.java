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
        assertThat(mariadb.normaliseDefault("'abc'", true, "", "varchar").kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("'it''s'", true, "", "varchar").value()).isEqualTo("it's");
        assertThat(mariadb.normaliseDefault("-1", true, "", "int").value()).isEqualTo("-1");
        assertThat(mariadb.normaliseDefault("0.00", true, "", "decimal").kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("NULL", true, "", "int").kind()).isEqualTo(DefaultKind.NULL);
        assertThat(mariadb.normaliseDefault("b'101'", true, "", "bit").kind()).isEqualTo(DefaultKind.LITERAL);
        assertThat(mariadb.normaliseDefault("current_timestamp()", false, "", "datetime").kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mariadb.normaliseDefault(null, false, "", "int").kind()).isEqualTo(DefaultKind.NONE);

        assertThat(mysql.normaliseDefault("abc", true, "", "varchar").value()).isEqualTo("abc");
        assertThat(mysql.normaliseDefault("CURRENT_TIMESTAMP", false, "default_generated", "timestamp").kind())
                .isEqualTo(DefaultKind.EXPRESSION);
        assertThat(mysql.normaliseDefault(null, true, "", "int").kind()).isEqualTo(DefaultKind.NULL);
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
