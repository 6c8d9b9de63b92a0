package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Null arguments. First every public method and constructor of the binding (org.medins and the
 * org.medins.swig plumbing) called with null for each object and 0 for each number, on an
 * object made by a constructor of numbers where the method needs one: any exception is an
 * answer, the JVM must survive (no NULL passed on to C). Then every public method of the API
 * (org.medins) called with null for one reference parameter at a time and a valid value for
 * the others: a NullPointerException whose message is the parameter's public name, unless the
 * parameter is documented to take null.
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

    /** Parameters documented to take null, as Class.method.parameter ("<init>": constructor). */
    private static final Set<String> NULLABLE = Set.of(
            "Policy.load.bases", "Policy.fromYaml.name", "Policy.fromYaml.bases",
            "Policy.derive.name", "Policy.contribution.employee", "PolicySet.addFile.id",
            "Dates.toInt.date", "Person.employee.birthDate", "Person.resident.birthDate",
            "Person$Builder.birthDate.birthDate", "Person$Builder.retirementDate.date",
            "Enrolment.<init>.to",
            "BatchPersons.<init>.groups", "BatchPersons.<init>.familyDoctor",
            "BatchPersons.withFields.retirementDate", "BatchPersons.withFields.contributionMonths",
            "BatchPersons.withFields.sex", "BatchPersons.withFields.cohorts",
            "BatchClaims.<init>.institution", "BatchClaims.<init>.selfPaid",
            "BatchClaims.<init>.categoryB", "BatchClaims.<init>.attributes",
            "BatchClaims.<init>.days",
            "MedinsException.<init>.message",
            "MedinsException.<init>.file", "Medins.main.args",
            "Population.contributions.monthlyWage", "Population.contributions.employerType",
            "Population.maternity.prenatalCosts", "Population.maternity.complicationCosts",
            "Population.capitation.institution", "Population.capitation.assessment",
            "Population.capitation.enrolledTo",
            "YearToDate$Builder.lastDate.date");


    /* What the library makes and hands out (figures, explanations): their constructors take
     * what the library gives, nulls included ("null when none"). */
    private static final Set<Class<?>> MADE_BY_THE_LIBRARY = Set.of(Settlement.class,
            ContributionFigures.class, AccountFigures.class, MaternityFigures.class,
            CapitationFigures.class, ExplanationLine.class, PolicyValue.class, Source.class,
            Step.class);

    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    /* Made for each call, and closed after it when it holds native memory. */
    private final List<AutoCloseable> made = new ArrayList<>();

    private <T> T made(T o) {
        if (o instanceof AutoCloseable && !(o instanceof Policy && ((Policy) o).isBorrowed()))
            made.add((AutoCloseable) o);
        return o;
    }

    /** A valid, non-null value of type t. */
    private Object sample(Class<?> t) {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        if (t.isEnum())
            return t.getEnumConstants()[0];
        if (t == String.class)
            return "tianjin";
        if (t == Path.class)
            return TestSupport.path("medins.test.policies").resolve("jiangsu").resolve("2017.yaml");
        if (t == LocalDate.class)
            return TestSupport.DAY_2023;
        if (t == Policy.class)
            return policy;
        if (t == PolicySet.class)
            return made(PolicySet.empty());
        if (t == Person.class)
            return TestSupport.employee();
        if (t == Claim.class)
            return TestSupport.inpatient(TestSupport.DAY_2023, Level.L3, 100_000);
        if (t == Ledger.class)
            return new Ledger(2023);
        if (t == Ledger[].class)
            return new Ledger[] {new Ledger(2023)};
        if (t == Set.class)
            return EnumSet.noneOf(Group.class);
        if (t == List.class)
            return List.of();
        if (t.isArray())
            return Array.newInstance(t.getComponentType(), 1);
        if (t == EmployeeInput.class)
            return new EmployeeInput(500_000, EmployerType.values()[0]);
        if (t == AccountInput.class)
            return new AccountInput(500_000, EmployerType.values()[0], 0, 0, false);
        if (t == MaternityInput.class)
            return new MaternityInput(Delivery.values()[0], 39, 1, 0, 0);
        if (t == CapitationInput.class)
            return new CapitationInput(1, Level.L1, Disease.values()[0], LocalDate.of(2023, 1, 1),
                    LocalDate.of(2023, 12, 31), List.of(), 0, 10_000);
        if (t == BatchPersons.class)
            return BatchPersons.of(List.of(TestSupport.employee()));
        if (t == BatchClaims.class)
            return BatchClaims.builder().add(0, (Claim) sample(Claim.class)).build();
        if (t == Person.Builder.class)
            return Person.builder();
        if (t == Claim.Builder.class)
            return Claim.builder();
        if (t == BatchClaims.Builder.class)
            return BatchClaims.builder();
        if (t == YearToDate.Builder.class)
            return YearToDate.builder(2023);
        if (t == YearToDate.class)
            return YearToDate.builder(2023).build();
        if (t == Result.class)
            return made(policy.settle(TestSupport.employee(), (Claim) sample(Claim.class),
                    new Ledger(2023)));
        if (t == BatchResult.class)
            return policy.settleBatch((BatchPersons) sample(BatchPersons.class),
                    (BatchClaims) sample(BatchClaims.class), (Ledger[]) sample(Ledger[].class));
        if (t == PopulationResult.class)
            return Population.contributions(policy, TestSupport.DAY_2023,
                    (BatchPersons) sample(BatchPersons.class), null, null);
        throw new AssertionError("no sample value of " + t.getName() + ": add one");
    }

    /* Enum methods and equals are Java's own: they take null as Java says. */
    private static boolean javasOwn(Executable x) {
        return x.isSynthetic() || x.getName().equals("equals") || x.getDeclaringClass().isEnum()
                && (x.getName().equals("valueOf") || x.getName().equals("values"));
    }

    @Test
    public void everyNullArgumentIsNamed() throws Exception {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        Set<String> accepted = new TreeSet<>();
        for (Class<?> c : apiClasses()) {
            List<Executable> xs = new ArrayList<>();
            if (!MADE_BY_THE_LIBRARY.contains(c))
                xs.addAll(Arrays.asList(c.getConstructors()));
            for (Method m : c.getDeclaredMethods())
                if (Modifier.isPublic(m.getModifiers()) && !javasOwn(m))
                    xs.add(m);
            for (Executable x : xs) {
                Parameter[] ps = x.getParameters();
                for (int k = 0; k < ps.length; k++) {
                    if (ps[k].getType().isPrimitive())
                        continue;
                    assertTrue(x + " was compiled without -parameters", ps[k].isNamePresent());
                    String key = c.getName().substring("org.medins.".length()) + "."
                            + (x instanceof Constructor ? "<init>" : x.getName()) + "."
                            + ps[k].getName();
                    Throwable t = call(x, k);
                    if (NULLABLE.contains(key)) {
                        accepted.add(key);
                        if (t instanceof NullPointerException)
                            wrong.add(key + " takes null, but threw " + t);
                    } else {
                        refused++;
                        if (!(t instanceof NullPointerException)
                                || !ps[k].getName().equals(t.getMessage()))
                            wrong.add(key + ": " + t);
                    }
                }
            }
        }
        assertEquals("calls that did not answer as documented", List.of(), wrong);
        // 102 parameters refuse null (counted when written; fewer means that the test stopped
        // seeing part of the API), and every parameter listed as taking null was called.
        assertTrue(refused + " parameters refusing null", refused >= 102);
        assertEquals(new TreeSet<>(NULLABLE), accepted);
    }

    /* A null inside an array, list or set: named by the parameter and, where it has one, the
     * index (the JDK's own NullPointerExceptions name neither). */
    @Test
    public void nullElementsAreNamed() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        Set<Group> withNull = new HashSet<>(Arrays.asList(Group.DIBAO, null));
        Object[][] cases = {
            {"ledgers[1]", (Runnable) () -> policy.settleBatch(
                    BatchPersons.of(List.of(TestSupport.employee(), TestSupport.retiree())),
                    BatchClaims.builder().build(), new Ledger[] {new Ledger(2023), null})},
            {"persons[1]", (Runnable) () -> BatchPersons.of(
                    Arrays.asList(TestSupport.employee(), null))},
            {"enrolments[0]", (Runnable) () -> new CapitationInput(1, Level.L1,
                    Disease.values()[0], TestSupport.DAY_2023, TestSupport.DAY_2023,
                    Arrays.asList((Enrolment) null), 0, 10_000)},
            {"groups[1]", (Runnable) () -> Person.builder().group(Group.DIBAO, null)},
            {"groups contains null", (Runnable) () -> Person.builder().groups(withNull)},
            {"groups contains null", (Runnable) () -> Group.toFlags(withNull)},
        };
        for (Object[] c : cases) {
            try {
                ((Runnable) c[1]).run();
                fail(c[0] + ": accepted");
            } catch (NullPointerException e) {
                assertEquals(c[0], e.getMessage());
            }
        }
    }

    /** Call x with null for parameter k and samples for the rest; what it threw, or null. */
    private Throwable call(Executable x, int k) throws Exception {
        Class<?>[] types = x.getParameterTypes();
        Object[] args = new Object[types.length];
        try {
            for (int i = 0; i < types.length; i++)
                args[i] = i == k ? null
                        : types[i].isPrimitive() ? zero(types[i]) : sample(types[i]);
            if (x instanceof Constructor) {
                made(((Constructor<?>) x).newInstance(args));
            } else {
                Method m = (Method) x;
                Object self = Modifier.isStatic(m.getModifiers()) ? null
                        : sample(m.getDeclaringClass());
                made(m.invoke(self, args));
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } finally {
            for (AutoCloseable a : made)
                a.close();
            made.clear();
        }
    }

    /** The public classes of org.medins, nested builders included. */
    private static List<Class<?>> apiClasses() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(TestSupport.path("medins.test.jar").toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (n.matches("org/medins/[A-Za-z$]+\\.class")) {
                    Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'));
                    if (Modifier.isPublic(c.getModifiers()))
                        classes.add(c);
                }
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }
}
