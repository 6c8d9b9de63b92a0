package org.medins;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A period to settle per head for one institution: its level and the disease select the rate;
 * actual covered costs in fen; the assessment score in basis points (10000 = 100%).
 */
public record CapitationInput(long institution, Level level, Disease disease, LocalDate from,
                              LocalDate to, List<Enrolment> enrolments, long actualCosts,
                              int assessment) {
    /**
     * Checks that the level, disease and dates are given and copies the enrolments.
     *
     * @param institution the institution's id, copied to the result
     * @param level the institution's level
     * @param disease the disease paid per head
     * @param from the first day of the period
     * @param to the last day of the period
     * @param enrolments the patients enrolled during the period (copied)
     * @param actualCosts the actual covered costs of the period, in fen
     * @param assessment the assessment score in basis points (10000 = 100%)
     * @throws NullPointerException when {@code level}, {@code disease}, {@code from},
     *     {@code to} or {@code enrolments} (or one of them) is null
     */
    public CapitationInput {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(disease, "disease");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(enrolments, "enrolments");
        int i = 0;
        for (Enrolment e : enrolments) {
            if (e == null) {
                throw new NullPointerException("enrolments[" + i + "]");
            }
            i++;
        }
        enrolments = List.copyOf(enrolments);
    }

    private static final int[] SLOTS = Packed.slots(Packed.CAPITATION_INPUT, "institution",
            "level", "disease", "from", "to", "actual_costs", "assessment");

    long[] packed() {
        return Packed.pack(Packed.CAPITATION_INPUT, SLOTS, institution, level.code(),
                disease.code(), Dates.toInt(from), Dates.toInt(to), actualCosts, assessment);
    }
}
