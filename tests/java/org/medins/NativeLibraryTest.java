package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/** When the JNI library cannot be found, the error says exactly what to set. */
public class NativeLibraryTest {
    @BeforeClass
    public static void load() {
        NativeLibrary.load();
    }

    private static String[] run(String... props) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
                + "java";
        List<String> cmd = new java.util.ArrayList<>(List.of(java));
        cmd.addAll(List.of(props));
        cmd.addAll(List.of("-cp", TestSupport.path("medins.test.jar").toString(),
                "org.medins.Medins"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("LD_LIBRARY_PATH");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out, err};
    }

    @Test
    public void loadedHere() {
        assertEquals(System.getProperty(NativeLibrary.PROPERTY), NativeLibrary.location());
    }

    @Test
    public void explicitPathRuns() throws Exception {
        String[] r = run("-D" + NativeLibrary.PROPERTY + "=" + NativeLibrary.location());
        assertEquals(r[2], "0", r[0]);
        assertTrue(r[1], r[1].startsWith("libmedins " + Medins.version()));
        // A directory works as well as the file.
        String dir = new File(NativeLibrary.location()).getParent();
        r = run("-D" + NativeLibrary.PROPERTY + "=" + dir);
        assertEquals(r[2], "0", r[0]);
    }

    @Test
    public void missingLibrarySaysWhatToSet() throws Exception {
        String[] r = run("-D" + NativeLibrary.PROPERTY + "=/nonexistent/libmedins_java.so");
        assertNotEquals("0", r[0]);
        String err = r[2];
        assertTrue(err, err.contains("UnsatisfiedLinkError"));
        assertTrue(err, err.contains("-Dmedins.library.path=/path/to/libmedins_java.so"));
        assertTrue(err, err.contains("-Djava.library.path"));
        assertTrue(err, err.contains("LD_LIBRARY_PATH"));
        assertTrue(err, err.contains("/nonexistent/libmedins_java.so"));
    }
}
