package io.chameleon.ddl;

import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue keeps tracked tables as JSON: every table of every case comes back equal. */
class TrackedTableJsonTest {

    @Test
    void everyTrackedTableOfTheCasesSurvivesTheCatalogue() {
        int tables = 0;
        for (DdlCase c : DdlCase.all()) {
            DdlCase.Run run = c.run(c.runBefore().tables(), c.statements());
            for (TrackedTable t : run.tables().tables().values()) {
                TableName name = t.definition().name();
                assertThat(TrackedTableJson.read(name, TrackedTableJson.write(t))).as(c.name() + " " + name).isEqualTo(t);
                tables++;
            }
        }
        assertThat(tables).isGreaterThan(50);
    }

    @Test
    void textThatIsNotADefinitionIsRefusedWithWhereItFails() {
        assertThatThrownBy(() -> TrackedTableJson.read(new TableName("s", "t"), "{\"columns\": [1,"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character");
    }
}
