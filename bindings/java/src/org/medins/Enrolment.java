package org.medins;

import java.time.LocalDate;
import java.util.Objects;

/** One patient's enrolment with an institution; {@code to} is null while still enrolled. */
public record Enrolment(long patient, LocalDate from, LocalDate to) {
    /**
     * Checks that the first day is given.
     *
     * @param patient the patient's id
     * @param from the first day enrolled
     * @param to the last day enrolled, or null while still enrolled
     * @throws NullPointerException when {@code from} is null
     */
    public Enrolment {
        Objects.requireNonNull(from, "from");
    }
}
