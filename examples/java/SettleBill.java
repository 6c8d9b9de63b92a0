import java.time.LocalDate;
import org.medins.Category;
import org.medins.Claim;
import org.medins.ClaimKind;
import org.medins.ExplanationLine;
import org.medins.Ledger;
import org.medins.Level;
import org.medins.Money;
import org.medins.Person;
import org.medins.Policy;
import org.medins.PolicySet;
import org.medins.Result;
import org.medins.Settlement;

/**
 * Settle one hospital bill: an employee in service, a first admission at a level-3 hospital in
 * 2023, 30,000 yuan of which 2,000 fully self-paid. Prints the split and its explanation.
 */
public final class SettleBill {
    private SettleBill() {
    }

    public static void main(String[] args) {
        LocalDate discharged = LocalDate.of(2023, 3, 14);
        Person person = Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 5, 1));
        Claim bill = Claim.builder().id(1).date(discharged).kind(ClaimKind.INPATIENT)
                .level(Level.L3).total(Money.parse("30000")).selfPaid(Money.parse("2000")).build();
        Ledger ledger = new Ledger(discharged.getYear());

        try (PolicySet set = PolicySet.embedded()) {
            Policy policy = set.lookup("tianjin", discharged);
            try (Result result = policy.settle(person, bill, ledger)) {
                Settlement s = result.settlement();
                System.out.println("policy:        " + result.policyId());
                System.out.println("total:         " + Money.format(s.total()));
                System.out.println("basic fund:    " + Money.format(s.fund()));
                System.out.println("major disease: " + Money.format(s.majorDisease()));
                System.out.println("assistance:    " + Money.format(s.assistance()));
                System.out.println("patient pays:  " + Money.format(s.patient()));
                for (ExplanationLine line : result.lines()) {
                    System.out.println("  " + line);
                }
                if (s.fund() + s.majorDisease() + s.assistance() + s.patient() != s.total()) {
                    throw new AssertionError("the parts do not add up to the total");
                }
            }
        }
        System.out.println("ledger after:  inpatient admissions " + ledger.admissions());
    }
}
