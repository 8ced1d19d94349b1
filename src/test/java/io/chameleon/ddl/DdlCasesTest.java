package io.chameleon.ddl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case directory of src/test/resources/ddl-cases: the statements of {@code mysql.sql}, on the
 * tables of {@code before.sql}, give exactly {@code expected.sql}. After a deliberate change,
 * {@code -Dchameleon.writeDdlCases=true} writes the files anew into src/test/resources (review the diff).
 */
class DdlCasesTest {
    private static final Path SOURCES = Path.of("src", "test", "resources", "ddl-cases");

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return DdlCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(DdlCase c) throws IOException {
        DdlCase.Run before = c.runBefore();
        DdlCase.Run run = c.run(before.tables(), c.statements());
        String actual = run.rendered() + DdlCase.render(run.tables());
        if (Boolean.getBoolean("chameleon.writeDdlCases")) {
            Files.writeString(SOURCES.resolve(c.name()).resolve("expected.sql"), actual);
            return;
        }
        assertThat(actual).as("case " + c.name() + " (" + c.expectedPath() + ")").isEqualTo(DdlCase.read(c.dir().resolve("expected.sql")));
    }
}
