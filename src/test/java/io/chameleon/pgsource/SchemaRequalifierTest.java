package io.chameleon.pgsource;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaRequalifierTest {
    private final SchemaRequalifier r = new SchemaRequalifier(Map.of("src", "dst", "Mixed Case", "Target Case"));

    @Test
    void rewritesQualifiersBareOrQuoted() {
        assertThat(r.requalify("FOREIGN KEY (a) REFERENCES src.parent(id) ON DELETE CASCADE"))
                .isEqualTo("FOREIGN KEY (a) REFERENCES \"dst\".parent(id) ON DELETE CASCADE");
        assertThat(r.requalify("REFERENCES \"Mixed Case\".\"Parent\"(id)"))
                .isEqualTo("REFERENCES \"Target Case\".\"Parent\"(id)");
        assertThat(r.requalify("btree (src.lower_f(name) src.my_ops) WHERE (kind <> 'a'::src.mood)"))
                .isEqualTo("btree (\"dst\".lower_f(name) \"dst\".my_ops) WHERE (kind <> 'a'::\"dst\".mood)");
        assertThat(r.requalify("CHECK ((a OPERATOR(src.===) b))")).isEqualTo("CHECK ((a OPERATOR(\"dst\".===) b))");
    }

    @Test
    void leavesDataFieldsAndOtherSchemasAlone() {
        assertThat(r.requalify("CHECK ((note <> 'src.x'::text))")).isEqualTo("CHECK ((note <> 'src.x'::text))");
        assertThat(r.requalify("CHECK ((note <> E'it''s src.\\\\x'::text))")).isEqualTo("CHECK ((note <> E'it''s src.\\\\x'::text))");
        assertThat(r.requalify("((rec).src.f > 1.5)")).isEqualTo("((rec).src.f > 1.5)");
        assertThat(r.requalify("public.f(src) + other.g(\"src\")")).isEqualTo("public.f(src) + other.g(\"src\")");
        assertThat(r.requalify("\"SRC\".t")).isEqualTo("\"SRC\".t");
    }

    @Test
    void rewritesNamesInsideRegLiterals() {
        assertThat(r.requalify("nextval('src.orders_id_seq'::regclass)")).isEqualTo("nextval('\"dst\".orders_id_seq'::regclass)");
        assertThat(r.requalify("nextval('\"Mixed Case\".\"Odd \"\"Seq\"'::regclass)"))
                .isEqualTo("nextval('\"Target Case\".\"Odd \"\"Seq\"'::regclass)");
        assertThat(r.requalify("to_tsvector('src.cfg'::regconfig, body)")).isEqualTo("to_tsvector('\"dst\".cfg'::regconfig, body)");
        assertThat(r.requalify("x = 'src'::regnamespace")).isEqualTo("x = '\"dst\"'::regnamespace");
        assertThat(r.requalify("nextval('public.s'::regclass)")).isEqualTo("nextval('public.s'::regclass)");
    }
}
