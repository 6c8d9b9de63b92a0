package org.medins;

/**
 * A source document a policy file lists ("" for the parts it does not give).
 *
 * @param id short id used in citations ("tj-2017-opinions")
 * @param title the document's title
 * @param number document number, or ""
 * @param issuer issuing body, or ""
 * @param date date as written, or ""
 * @param kind "official" or "third-party"
 * @param file the policy file that lists it
 * @param line 1-based line of the listing in file
 */
public record Source(String id, String title, String number, String issuer, String date,
                     String kind, String file, int line) {
    static Source of(org.medins.swig.Source s) {
        return s == null ? null : new Source(s.getId(), s.getTitle(), s.getNumber(),
                s.getIssuer(), s.getDate(), s.getKind(), s.getFile(), (int) s.getLine());
    }
}
