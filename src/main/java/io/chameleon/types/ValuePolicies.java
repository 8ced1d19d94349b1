package io.chameleon.types;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;

import java.util.Objects;

/** What to do with values PostgreSQL cannot hold: a source's {@code zero_dates} and {@code nul_chars}. */
public record ValuePolicies(ZeroDatePolicy zeroDates, NulCharPolicy nulChars) {
    public ValuePolicies {
        Objects.requireNonNull(zeroDates, "zeroDates");
        Objects.requireNonNull(nulChars, "nulChars");
    }

    public static ValuePolicies of(SourceConfig source) {
        return new ValuePolicies(source.zeroDates(), source.nulChars());
    }
}
