package org.medins;

/** A source document a policy file lists ("" for the parts it does not give). */
public record Source(String id, String title, String number, String issuer, String date,
                     String kind, String file, int line) {
    static Source of(org.medins.swig.Source s) {
        return s == null ? null : new Source(s.getId(), s.getTitle(), s.getNumber(),
                s.getIssuer(), s.getDate(), s.getKind(), s.getFile(), (int) s.getLine());
    }
}
