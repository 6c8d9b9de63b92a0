package org.medins;

import static org.junit.Assert.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.Test;

/**
 * Every public method and constructor of the binding (org.medins and the org.medins.swig
 * plumbing) called with null for each object and 0 for each number, on an object made by a
 * constructor of numbers where the method needs one. Any exception is an answer; the test
 * fails only when the JVM does not survive (a NULL passed on to C), or when it called too
 * few methods to mean anything.
 */
public class NullArgumentsTest {
    private static Object zero(Class<?> t) {
        if (!t.isPrimitive())
            return null;
        if (t == boolean.class)
            return false;
        if (t == char.class)
            return (char) 0;
        if (t == byte.class)
            return (byte) 0;
        if (t == short.class)
            return (short) 0;
        if (t == int.class)
            return 0;
        if (t == long.class)
            return 0L;
        if (t == float.class)
            return 0f;
        return 0d;
    }

    private static Object[] zeros(Executable x) {
        return Arrays.stream(x.getParameterTypes()).map(NullArgumentsTest::zero).toArray();
    }

    /** An object of class c from a public constructor that takes only numbers, or null. */
    private static Object instance(Class<?> c) {
        for (Constructor<?> k : c.getConstructors()) {
            if (!Arrays.stream(k.getParameterTypes()).allMatch(Class::isPrimitive))
                continue;
            try {
                return k.newInstance(zeros(k));
            } catch (Throwable t) {
                // try the next one
            }
        }
        return null;
    }

    @Test
    public void nullAndZeroArgumentsNeverCrash() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(TestSupport.path("medins.test.jar").toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (n.startsWith("org/medins/") && n.endsWith(".class") && !n.contains("$"))
                    classes.add(Class.forName(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        int calls = 0;
        for (Class<?> c : classes) {
            List<Executable> xs = new ArrayList<>(Arrays.asList(c.getConstructors()));
            for (Method m : c.getDeclaredMethods())
                if (Modifier.isPublic(m.getModifiers()))
                    xs.add(m);
            xs.sort(Comparator.comparing(Executable::toString));
            for (Executable x : xs) {
                try {
                    if (x instanceof Constructor) {
                        ((Constructor<?>) x).newInstance(zeros(x));
                    } else {
                        Method m = (Method) x;
                        Object self = Modifier.isStatic(m.getModifiers()) ? null : instance(c);
                        if (self == null && !Modifier.isStatic(m.getModifiers()))
                            continue;
                        m.invoke(self, zeros(m));
                    }
                } catch (Throwable t) {
                    // an exception is a fine answer to null arguments
                }
                calls++;
            }
        }
        assertTrue("only " + calls + " methods called", calls > 800);
    }
}
