package io.chameleon.catalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseTermsTest {
    @Test
    void theLeaseIsRenewedEveryTenSecondsAndLapsesAfterSixtyUnlessTheEnvironmentSaysOtherwise() {
        assertThat(LeaseTerms.of(null)).isEqualTo(new LeaseTerms(Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertThat(LeaseTerms.of(" ")).isEqualTo(LeaseTerms.DEFAULT);
        assertThat(LeaseTerms.of("6")).isEqualTo(new LeaseTerms(Duration.ofSeconds(1), Duration.ofSeconds(6)));
    }

    @Test
    void aLapseThatIsNotAWholeNumberOfSecondsInRangeIsRefusedNamingTheVariable() {
        for (String bad : new String[] {"2", "3601", "ten", "-5", "1.5"}) {
            assertThatThrownBy(() -> LeaseTerms.of(bad)).as(bad).isInstanceOf(CatalogException.class)
                    .hasMessage("CHAMELEON_LEASE_LAPSE_SECONDS is '" + bad + "': it must be a whole number of seconds"
                            + " from 3 to 3600 (unset, the lease lapses after 60 s)");
        }
    }
}
