package io.chameleon.catalog;

import java.time.Duration;

/**
 * How often a lease holder renews its lease, and after how long without renewal it lapses. The
 * default is 10 s and 60 s; the environment variable {@value #ENV} sets the lapse in seconds (the
 * renewal is then every sixth of it), so tests need not wait a minute for a killed holder.
 */
public record LeaseTerms(Duration renewEvery, Duration lapse) {
    public static final String ENV = "CHAMELEON_LEASE_LAPSE_SECONDS";
    public static final LeaseTerms DEFAULT = new LeaseTerms(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public static LeaseTerms fromEnvironment() {
        return of(System.getenv(ENV));
    }

    static LeaseTerms of(String lapseSeconds) {
        if (lapseSeconds == null || lapseSeconds.isBlank()) {
            return DEFAULT;
        }
        long seconds;
        try {
            seconds = Long.parseLong(lapseSeconds.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 3 || seconds > 3600) {
            throw new CatalogException(ENV + " is '" + lapseSeconds + "': it must be a whole number of seconds"
                    + " from 3 to 3600 (unset, the lease lapses after 60 s)");
        }
        Duration lapse = Duration.ofSeconds(seconds);
        return new LeaseTerms(lapse.dividedBy(6), lapse);
    }
}
