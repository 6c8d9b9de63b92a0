import java.time.LocalDate;
import org.medins.Category;
import org.medins.ContributionFigures;
import org.medins.EmployeeInput;
import org.medins.EmployerType;
import org.medins.Money;
import org.medins.Person;
import org.medins.Policy;
import org.medins.PolicySet;
import org.medins.Result;
import org.medins.Tier;

/** Compute two 2023 contributions: an adult resident at the low tier, and an employee. */
public final class ComputeContribution {
    private ComputeContribution() {
    }

    public static void main(String[] args) {
        LocalDate day = LocalDate.of(2023, 6, 1);
        try (PolicySet set = PolicySet.embedded()) {
            Policy policy = set.lookup("tianjin", day);

            Person resident = Person.resident(Category.ADULT, Tier.LOW, LocalDate.of(1990, 1, 1));
            try (Result r = policy.contribution(resident, day)) {
                ContributionFigures f = r.contribution();
                System.out.println("resident, low tier: individual " + Money.format(f.individual())
                        + ", government " + Money.format(f.government())
                        + ", total " + Money.format(f.total()));
                r.lines().forEach(l -> System.out.println("  " + l));
            }

            Person employee = Person.employee(Category.IN_SERVICE, LocalDate.of(1985, 7, 1));
            EmployeeInput wage = new EmployeeInput(Money.parse("8000"), EmployerType.ENTERPRISE);
            try (Result r = policy.contribution(employee, day, wage)) {
                ContributionFigures f = r.contribution();
                System.out.println("employee, wage 8000: monthly individual "
                        + Money.format(f.monthlyIndividual()) + ", monthly employer "
                        + Money.format(f.monthlyEmployer()) + ", yearly total "
                        + Money.format(f.total()));
            }
        }
    }
}
