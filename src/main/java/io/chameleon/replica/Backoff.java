package io.chameleon.replica;

import java.time.Duration;

/** The pause before each new attempt while a server is away: doubling from a first pause up to a longest one. */
final class Backoff {
    private final Duration first;
    private final Duration longest;
    private Duration next;
    private int attempts;

    Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    /** The pause before the next attempt; each call doubles the one after, up to the longest. */
    Duration next() {
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(longest) > 0 ? longest : next.multipliedBy(2);
        attempts++;
        return pause;
    }

    /** How many pauses were taken since the last reset. */
    int attempts() {
        return attempts;
    }

    /** The servers answered again: the next outage starts from the first pause. */
    void reset() {
        next = first;
        attempts = 0;
    }
}
