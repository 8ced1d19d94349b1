package io.chameleon.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version, as Maven records it in the jar, for the migrations it applies. */
public final class BuildVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.chameleon/chameleon/pom.properties";

    private BuildVersion() {}

    public static String current() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development build");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
        }
    }
}
