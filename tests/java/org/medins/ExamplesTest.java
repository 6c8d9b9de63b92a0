package org.medins;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The examples in examples/java run and print what they promise. */
public class ExamplesTest {
    private static String run(String example) throws Exception {
        Method main = Class.forName(example).getMethod("main", String[].class);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }

    @Test
    public void settleBill() throws Exception {
        String out = run("SettleBill");
        assertTrue(out, out.contains("policy:        tianjin/2023"));
        assertTrue(out, out.contains("total:         30000.00"));
        assertTrue(out, out.contains("inpatient admissions 1"));
    }

    @Test
    public void computeContribution() throws Exception {
        String out = run("ComputeContribution");
        // 2023 low tier: 350 + 640 (policies/tianjin/2023.yaml, C12).
        assertTrue(out, out.contains("resident, low tier: individual 350.00, government 640.00,"
                + " total 990.00"));
        assertTrue(out, out.contains("employee, wage 8000"));
    }

    @Test
    public void runBatch() throws Exception {
        String out = run("RunBatch");
        assertTrue(out, out.contains("0 failed; person 0 had 2 admissions"));
        assertTrue(out, out.contains("claim 2: OK"));
    }
}
