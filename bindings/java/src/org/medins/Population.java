package org.medins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.medins.swig.medins;

/**
 * A population's contributions, maternity payments and capitation settlements, each in one
 * native call over primitive arrays (the C library's population batches, medins/population.h),
 * as {@link Policy#settleBatch} settles claims. Each row gets exactly the figures the one-row
 * call gives it: the library computes both with one function. A row that fails gets its
 * status and zeros, and keeps its error ({@link PopulationResult#error(int)}); the call goes
 * on with the next row.
 *
 * <p>Codes are those of the enums ({@link Scheme#code()}, {@link Delivery#code()}...), dates
 * YYYYMMDD ({@link Dates#toInt}), amounts fen. Columns documented as optional may be null.
 */
public final class Population {
    private static final int CONTRIBUTIONS = 0;
    private static final int MATERNITY = 1;
    private static final int CAPITATION = 2;
    private static final List<List<String>> COLUMNS = columnNames();

    private Population() {
    }

    private static List<List<String>> columnNames() {
        List<List<String>> all = new ArrayList<>();
        for (int kind = CONTRIBUTIONS; kind <= CAPITATION; kind++) {
            List<String> names = new ArrayList<>();
            for (Object o : medins.java_population_columns(kind)) {
                names.add((String) o);
            }
            all.add(Collections.unmodifiableList(names));
        }
        return Collections.unmodifiableList(all);
    }

    /** How a failed row's error is made: by the one-row call for that row. */
    private interface OneRow {
        org.medins.swig.Result call(org.medins.swig.Policy policy, int row);
    }

    private static PopulationResult finish(org.medins.swig.Policy policy, int kind, int n,
                                           long[] figures, int[] status, int failed,
                                           OneRow oneRow) {
        MedinsException[] errors = new MedinsException[n];
        for (int i = 0; failed > 0 && i < n; i++) {
            if (status[i] == 0) {
                continue;
            }
            try {
                org.medins.swig.Result r = oneRow.call(policy, i);
                if (r != null) {
                    r.delete();   // not reached: the batch and the call are one computation
                }
                errors[i] = new MedinsException(status[i], "failed in the population call",
                        null, 0, 0);
            } catch (MedinsException e) {
                errors[i] = e;
            }
        }
        return new PopulationResult(COLUMNS.get(kind), figures, status, errors, failed);
    }

    private static long[] person(BatchPersons p, int i) {
        // The columns carry no retirement date, years, sex or cohorts: unknown, as in the
        // population call.
        long[] q = Packed.of(Packed.PERSON);
        q[Person.SCHEME] = p.scheme[i];
        q[Person.CATEGORY] = p.category[i];
        q[Person.TIER] = p.tier[i];
        q[Person.BIRTH_DATE] = p.birthDate[i];
        q[Person.GROUPS] = p.groups == null ? 0 : Integer.toUnsignedLong(p.groups[i]);
        q[Person.CONTRIBUTION_MONTHS] = -1;
        q[Person.COHORTS] = org.medins.swig.medins.COHORTS_UNKNOWN;
        return q;
    }

    /**
     * Every person's yearly contribution for the policy year containing {@code date}: row i is
     * what {@link Policy#contribution(Person, LocalDate, EmployeeInput)} gives person i with
     * wage {@code monthlyWage[i]} and employer type {@code employerType[i]}.
     *
     * @param policy the policy year
     * @param date a day of the policy year
     * @param persons the persons, one row each (their family-doctor column is not read)
     * @param monthlyWage each person's monthly wage in fen; null when no wage is given, and
     *     then each employee's row fails as the one-row call does without employee input
     * @param employerType each person's {@link EmployerType#code()}; null: enterprise
     * @return the columns of {@code ContributionFigures} ("individual", "government",
     *     "employer", "total", "subsidy", "paying_tier"...) and each row's status
     * @throws MedinsException for a date that is not a day of the policy (nothing computed)
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when {@code policy}, {@code date} or {@code persons} is null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public static PopulationResult contributions(Policy policy, LocalDate date,
                                                 BatchPersons persons, long[] monthlyWage,
                                                 int[] employerType) {
        Objects.requireNonNull(policy, "policy");
        int day = Dates.toInt(Objects.requireNonNull(date, "date"));
        BatchPersons p = Objects.requireNonNull(persons, "persons");
        int n = p.size();
        long[] figures = new long[COLUMNS.get(CONTRIBUTIONS).size() * n];
        int[] status = new int[n];
        return policy.use(h -> {
            int failed = medins.java_contribution_batch(h, day, p.scheme, p.category, p.tier,
                    p.birthDate, p.groups, monthlyWage, employerType, figures, status);
            return finish(h, CONTRIBUTIONS, n, figures, status, failed, (ph, i) ->
                    medins.java_contribution(ph, person(p, i), day, monthlyWage == null ? null
                            : new long[] {monthlyWage[i],
                                employerType == null ? 0 : employerType[i]}));
        });
    }

    /**
     * Every delivery's maternity payment: row i is what
     * {@link Policy#maternity(Person, LocalDate, MaternityInput)} gives mother i for the
     * delivery of row i.
     *
     * @param policy the policy the deliveries are paid under (a date outside it fails its row)
     * @param mothers the mothers, one row per delivery
     * @param date each delivery's date, YYYYMMDD
     * @param delivery each delivery's {@link Delivery#code()}
     * @param weeks each pregnancy's completed weeks
     * @param childOrder 1 for a first child, 2 for a second...
     * @param prenatalCosts prenatal costs in fen; null: none
     * @param complicationCosts complication costs in fen; null: none
     * @return the columns of {@code MaternityFigures} ("delivery", "prenatal_limit",
     *     "prenatal", "complication_ratio", "complication", "total") and each row's status
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when {@code policy}, {@code mothers} or a column that may
     *     not be null is null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public static PopulationResult maternity(Policy policy, BatchPersons mothers, int[] date,
                                             int[] delivery, int[] weeks, int[] childOrder,
                                             long[] prenatalCosts, long[] complicationCosts) {
        Objects.requireNonNull(policy, "policy");
        BatchPersons p = Objects.requireNonNull(mothers, "mothers");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(weeks, "weeks");
        Objects.requireNonNull(childOrder, "childOrder");
        int n = p.size();
        long[] figures = new long[COLUMNS.get(MATERNITY).size() * n];
        int[] status = new int[n];
        return policy.use(h -> {
            int failed = medins.java_maternity_batch(h, p.scheme, p.category, p.tier,
                    p.birthDate, p.groups, date, delivery, weeks, childOrder, prenatalCosts,
                    complicationCosts, figures, status);
            return finish(h, MATERNITY, n, figures, status, failed, (ph, i) ->
                    medins.java_maternity(ph, person(p, i), date[i], new long[] {delivery[i],
                        weeks[i], childOrder[i], prenatalCosts == null ? 0 : prenatalCosts[i],
                        complicationCosts == null ? 0 : complicationCosts[i]}));
        });
    }

    /**
     * Every institution's per-head settlement for its period: row i is what
     * {@link Policy#capitation(CapitationInput)} gives institution i with its enrolments. The
     * enrolments of a row come together, the rows in order ({@code enrolmentRow}
     * non-decreasing).
     *
     * @param policy the policy in force over every period
     * @param institution each row's institution id; null: 0
     * @param level each row's {@link Level#code()}
     * @param disease each row's {@link Disease#code()}
     * @param from each period's first day, YYYYMMDD
     * @param to each period's last day, YYYYMMDD
     * @param actualCosts each institution's covered costs in the period, in fen
     * @param assessment each assessment score in basis points; null: 10000
     * @param enrolmentRow each enrolment's row
     * @param patient each enrolment's patient id
     * @param enrolledFrom each enrolment's first day, YYYYMMDD
     * @param enrolledTo each enrolment's last day, YYYYMMDD, 0 when still enrolled; null: all
     *     still enrolled
     * @return the columns of {@code CapitationFigures} but the two echoed ("rate", "period",
     *     "patients", "patient_days", "budget"..., "payment") and each row's status
     * @throws MedinsException when an enrolment names no row or breaks the rows' order
     *     (nothing computed)
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when {@code policy} or a column that may not be null is
     *     null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public static PopulationResult capitation(Policy policy, long[] institution, int[] level,
                                              int[] disease, int[] from, int[] to,
                                              long[] actualCosts, int[] assessment,
                                              int[] enrolmentRow, long[] patient,
                                              int[] enrolledFrom, int[] enrolledTo) {
        Objects.requireNonNull(policy, "policy");
        int n = Objects.requireNonNull(level, "level").length;
        Objects.requireNonNull(disease, "disease");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actualCosts, "actualCosts");
        Objects.requireNonNull(enrolmentRow, "enrolmentRow");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(enrolledFrom, "enrolledFrom");
        long[] figures = new long[COLUMNS.get(CAPITATION).size() * n];
        int[] status = new int[n];
        return policy.use(h -> {
            int failed = medins.java_capitation_batch(h, institution, level, disease, from, to,
                    actualCosts, assessment, enrolmentRow, patient, enrolledFrom, enrolledTo,
                    figures, status);
            return finish(h, CAPITATION, n, figures, status, failed, (ph, i) -> {
                int m = 0;
                for (int k = 0; k < enrolmentRow.length; k++) {
                    m += enrolmentRow[k] == i ? 1 : 0;
                }
                long[] ids = new long[m];
                int[] starts = new int[m];
                int[] ends = new int[m];
                for (int k = 0, j = 0; j < m; k++) {
                    if (enrolmentRow[k] == i) {
                        ids[j] = patient[k];
                        starts[j] = enrolledFrom[k];
                        ends[j++] = enrolledTo == null ? 0 : enrolledTo[k];
                    }
                }
                long[] input = {institution == null ? 0 : institution[i], level[i], disease[i],
                    from[i], to[i], actualCosts[i], assessment == null ? 10000 : assessment[i]};
                return medins.java_capitation(ph, input, ids, starts, ends);
            });
        });
    }
}
