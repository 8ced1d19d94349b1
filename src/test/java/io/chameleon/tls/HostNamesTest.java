package io.chameleon.tls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HostNamesTest {
    @ParameterizedTest
    @CsvSource({
            "db.example.com, db.example.com, true",
            "DB.Example.com, db.example.COM, true",
            "*.example.com, db.example.com, true",
            "*.example.com, a.db.example.com, false",
            "*.example.com, example.com, false",
            "db.example.com., db.example.com, true",
            "db.example.com, dbx.example.com, false"})
    void dnsNamesMatchWithOneWildcardLabel(String pattern, String host, boolean matches) {
        assertThat(HostNames.nameMatches(pattern, host)).isEqualTo(matches);
    }
}
