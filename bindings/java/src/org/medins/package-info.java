/**
 * The Java binding of libmedins: Chinese basic medical-insurance benefits, exact to the fen,
 * every figure explained with the policy text it comes from.
 *
 * <p>Start from {@link org.medins.PolicySet#embedded()}, look up the {@link org.medins.Policy}
 * in force on a date, and settle a {@link org.medins.Claim} of a {@link org.medins.Person}
 * against the member's {@link org.medins.Ledger}; the {@link org.medins.Result} holds the
 * figures and one {@link org.medins.ExplanationLine} per part.
 *
 * <ul>
 * <li>Units: amounts are {@code long} fen (1 yuan = 100 fen), ratios {@code int} basis points
 * (10000 = 100%), dates {@link java.time.LocalDate} (YYYYMMDD {@code int} in batch columns).
 * Every fund share is rounded half-up to the fen and the patient pays the remainder, so the
 * parts of a result add up to its total exactly.</li>
 * <li>Ownership: {@link org.medins.PolicySet}, a loaded or derived {@link org.medins.Policy} and
 * a settlement {@link org.medins.Result} hold native memory and are {@link AutoCloseable}:
 * close them (try-with-resources); there are no finalizers. A policy obtained from a set is
 * borrowed from it and valid until the set is closed. Persons, claims, ledgers, figures and
 * batch columns are plain Java values.</li>
 * <li>Errors: every failure of the library throws the unchecked
 * {@link org.medins.MedinsException} with its {@link org.medins.Status}, message and, for
 * policy files, file, line and column; nothing is changed (a ledger is left as it was). Using
 * a closed handle throws {@link IllegalStateException}.</li>
 * <li>Threads: policies are immutable and may be shared; a ledger belongs to one member, whose
 * claims are settled in order.</li>
 * <li>Native code: the JNI library {@code libmedins_java.so} is loaded by
 * {@link org.medins.NativeLibrary} on first use; {@code org.medins.swig} is its generated glue,
 * not an API.</li>
 * </ul>
 */
package org.medins;
