package io.chameleon.alert;

import io.chameleon.config.Secrets;

import java.net.URI;

/**
 * Where and how this process reports: the key and environment of the configuration, the least
 * important level sent, and what every item says about the process.
 *
 * @param configName the configuration's name (as --config names it)
 * @param secrets the configuration's secrets, masked in everything sent and logged
 */
public record RollbarSettings(String key, String environment, URI endpoint, AlertLevel most, String configName,
        String host, String version, Secrets secrets) {

    /** The key is a secret: never print it. */
    @Override
    public String toString() {
        return "RollbarSettings[environment=" + environment + ", endpoint=" + endpoint + ", most=" + most.label()
                + ", configName=" + configName + ", host=" + host + ", version=" + version + "]";
    }
}
