package org.medins;

import java.time.LocalDate;
import java.util.Objects;

/** One patient's enrolment with an institution; {@code to} is null while still enrolled. */
public record Enrolment(long patient, LocalDate from, LocalDate to) {
    public Enrolment {
        Objects.requireNonNull(from, "from");
    }
}
