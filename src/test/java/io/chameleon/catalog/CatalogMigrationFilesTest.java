package io.chameleon.catalog;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogMigrationFilesTest {
    @Test
    void everyMigrationFileIsListedInOrder() throws Exception {
        Path dir = Path.of(CatalogMigrations.class.getResource("/catalog").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(CatalogMigrations.FILES)
                    .containsExactlyElementsOf(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void versionsAndDescriptionsComeFromTheFileNames() {
        Migration first = Migration.fromResource(CatalogMigrations.FILES.get(0));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.description()).isEqualTo("initial catalogue");
        assertThat(first.sql()).contains("CREATE SCHEMA sch_chameleon");
        assertThat(CatalogMigrations.latestVersion()).isEqualTo(CatalogMigrations.FILES.size());
    }
}
