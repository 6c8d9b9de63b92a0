package org.medins;

import org.medins.swig.medins;

/** Library-wide facts: versions, and a command-line check that the binding loads. */
public final class Medins {
    private Medins() {
    }

    /**
     * The version of the native libmedins in use.
     *
     * @return the version, such as "0.1.0"
     */
    public static String version() {
        return medins.version();
    }

    /**
     * The version this binding was built against.
     *
     * @return the version, such as "0.1.0"
     */
    public static String bindingVersion() {
        return BuildInfo.VERSION;
    }

    /**
     * The region of the embedded policies used when none is named.
     *
     * @return the region, such as "tianjin"
     */
    public static String defaultRegion() {
        return medins.default_region();
    }

    /**
     * Prints the versions and where the native library was loaded from
     * ({@code java -jar medins.jar}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("libmedins " + version() + " (Java binding " + bindingVersion()
                + ", native library from " + NativeLibrary.location() + ")");
    }
}
