import java.time.LocalDate;
import java.util.List;
import org.medins.BatchClaims;
import org.medins.BatchPersons;
import org.medins.BatchResult;
import org.medins.Category;
import org.medins.Claim;
import org.medins.ClaimKind;
import org.medins.Ledger;
import org.medins.Level;
import org.medins.Money;
import org.medins.Person;
import org.medins.PolicySet;
import org.medins.Tier;

/**
 * Settle a small batch in one native call: two persons, their claims grouped by person in date
 * order, each person's ledger carried from claim to claim.
 */
public final class RunBatch {
    private RunBatch() {
    }

    public static void main(String[] args) {
        List<Person> persons = List.of(
                Person.employee(Category.RETIRED, LocalDate.of(1950, 2, 1)),
                Person.resident(Category.ADULT, Tier.HIGH, LocalDate.of(1975, 8, 9)));
        BatchClaims claims = BatchClaims.builder()
                .add(0, Claim.of(LocalDate.of(2023, 2, 1), ClaimKind.INPATIENT, Level.L2, 1_500_000))
                .add(0, Claim.of(LocalDate.of(2023, 9, 3), ClaimKind.INPATIENT, Level.L3, 4_200_000))
                .add(1, Claim.of(LocalDate.of(2023, 4, 5), ClaimKind.INPATIENT, Level.L1, 800_000))
                .build();
        Ledger[] ledgers = {new Ledger(2023), new Ledger(2023)};

        try (PolicySet set = PolicySet.embedded()) {
            BatchResult r = set.settleBatch("tianjin", BatchPersons.of(persons), claims, ledgers);
            for (int i = 0; i < r.size(); i++) {
                // A failed claim has the error settling it alone would have thrown.
                System.out.println("claim " + i + ": " + (r.ok(i) ? r.status(i) + ", fund "
                        + Money.format(r.fund(i)) + ", patient " + Money.format(r.patient(i))
                        : r.error(i).getMessage()));
            }
            System.out.println(r.failed() + " failed; person 0 had " + ledgers[0].admissions()
                    + " admissions");
            r.throwIfFailed();  // a BatchException naming the failures, for this example
        }
    }
}
