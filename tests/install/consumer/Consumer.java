import java.nio.file.Path;
import java.time.LocalDate;
import org.medins.Category;
import org.medins.Claim;
import org.medins.ClaimKind;
import org.medins.Ledger;
import org.medins.Level;
import org.medins.Medins;
import org.medins.NativeLibrary;
import org.medins.Person;
import org.medins.PolicySet;
import org.medins.Result;
import org.medins.Settlement;

/**
 * The Java counterpart of consumer.c, compiled and run against an installed medins.jar only,
 * with no -D option: the JNI library must be found where the installation put it.
 *
 * <pre>java -cp medins.jar:. Consumer [POLICY_DIR]</pre>
 *
 * Settles the claim of consumer.c with the embedded tianjin/2023 and, given POLICY_DIR, with the
 * same policy read from POLICY_DIR; the figures are worked out in consumer.c. Exits 0 on success.
 */
public final class Consumer {
    private Consumer() {
    }

    private static boolean settle(PolicySet set, String what) {
        LocalDate day = LocalDate.of(2023, 6, 1);
        Person person = Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 3, 15));
        Claim claim = Claim.of(day, ClaimKind.INPATIENT, Level.L3, 1_000_000);
        try (Result r = set.lookup("tianjin", day).settle(person, claim, new Ledger(2023))) {
            Settlement s = r.settlement();
            boolean ok = s.fund() == 705_500 && s.patient() == 294_500
                    && s.deductible() == 170_000 && s.majorDisease() == 0 && s.assistance() == 0;
            System.out.println(what + ": " + r.policyId() + " fund " + s.fund() + " patient "
                    + s.patient() + " deductible " + s.deductible() + (ok ? "" : " (WRONG)"));
            return ok;
        }
    }

    public static void main(String[] args) {
        boolean ok;
        try (PolicySet set = PolicySet.embedded()) {
            ok = settle(set, "embedded");
        }
        System.out.println("libmedins " + Medins.version() + ", JNI library from "
                + NativeLibrary.location());
        if (args.length > 0) {
            try (PolicySet set = PolicySet.empty()) {
                set.addDirectory(Path.of(args[0]));
                ok = settle(set, "installed files") && ok;
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
