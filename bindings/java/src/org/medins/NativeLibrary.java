package org.medins;

import java.io.File;

/**
 * Loads the JNI library (libmedins_java.so) once; every native entry point goes through here.
 *
 * <p>Where it looks, in order: the system property {@code medins.library.path} (the library file
 * itself or its directory); then {@code java.library.path}; then the directory meson installs it
 * to. When none works, the error says exactly what to set.
 */
public final class NativeLibrary {
    /** System property naming the JNI library file or the directory holding it. */
    public static final String PROPERTY = "medins.library.path";
    /** The library's base name, as given to {@link System#loadLibrary}. */
    public static final String NAME = "medins_java";

    private static String location;
    private static UnsatisfiedLinkError failure;

    private NativeLibrary() {
    }

    /**
     * Load the library if it is not loaded yet. Called by the binding's static initialiser; call
     * it yourself to fail fast at start-up.
     *
     * @throws UnsatisfiedLinkError when the library cannot be found or loaded, with the property
     *     and paths to set
     */
    public static synchronized void load() {
        if (location != null) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        String fileName = System.mapLibraryName(NAME);
        String explicit = System.getProperty(PROPERTY);
        String tried;
        Throwable cause;
        if (explicit != null && !explicit.isEmpty()) {
            File f = new File(explicit);
            if (f.isDirectory()) {
                f = new File(f, fileName);
            }
            try {
                System.load(f.getAbsolutePath());
                location = f.getAbsolutePath();
                return;
            } catch (UnsatisfiedLinkError e) {
                tried = "-D" + PROPERTY + "=" + explicit;
                cause = e;
            }
        } else {
            try {
                System.loadLibrary(NAME);
                location = "java.library.path";
                return;
            } catch (UnsatisfiedLinkError e) {
                cause = e;
            }
            File installed = new File(BuildInfo.JNI_DIR, fileName);
            tried = "java.library.path=" + System.getProperty("java.library.path")
                    + " and " + installed.getParent();
            if (installed.isFile()) {
                try {
                    System.load(installed.getAbsolutePath());
                    location = installed.getAbsolutePath();
                    return;
                } catch (UnsatisfiedLinkError e) {
                    cause = e;
                }
            }
        }
        failure = new UnsatisfiedLinkError("libmedins: cannot load the JNI library " + fileName
                + " (tried " + tried + "): " + cause.getMessage() + ". Set the system property -D"
                + PROPERTY + "=/path/to/" + fileName + " (or its directory), or add its"
                + " directory to -Djava.library.path or to LD_LIBRARY_PATH; libmedins.so itself"
                + " must be found by the dynamic linker too (LD_LIBRARY_PATH or the system"
                + " library path).");
        failure.initCause(cause);
        throw failure;
    }

    /**
     * Where the library was loaded from.
     *
     * @return its path, "java.library.path" when found there, or null when not loaded yet
     */
    public static synchronized String location() {
        return location;
    }
}
