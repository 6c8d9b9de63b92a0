package org.medins;

/**
 * A value a policy holds and where it came from: its path ("inpatient.deductible[2].amount"),
 * the text as written, the source id (null when assumed), the paragraph cited or the reason it
 * is assumed, and its position in the policy file.
 */
public record PolicyValue(String path, String text, String source, String at, boolean assumed,
                          String file, int line, int column, boolean thirdParty) {
    /* thirdParty: the source cited is a public page or guide, not an official text. */
    static PolicyValue of(org.medins.swig.Value v) {
        return v == null ? null : new PolicyValue(v.getPath(), v.getText(), v.getSource(),
                v.getAt(), v.getAssumed() != 0, v.getFile(), (int) v.getLine(),
                (int) v.getColumn(), v.getThird_party() != 0);
    }
}
