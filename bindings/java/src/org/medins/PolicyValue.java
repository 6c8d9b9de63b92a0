package org.medins;

import org.medins.swig.medins;

/**
 * A value a policy holds and where it came from: its path ("inpatient.deductible[2].amount"),
 * the text as written, the source id (null when assumed), the paragraph cited or the reason it
 * is assumed, and its position in the policy file.
 *
 * @param path "inpatient.deductible[2].amount"
 * @param text the value as written ("1100", "55%")
 * @param source source id, or null when assumed
 * @param at paragraph cited, or the reason it is assumed
 * @param assumed true when an assumed value was used
 * @param file policy file the value is written in
 * @param line 1-based
 * @param column 1-based
 * @param thirdParty true when the source cited is a public page or guide, not an official text
 * @param sourceKind "official", "third-party" or "assumed"
 * @param citation the whole citation: the source's title and the paragraph, or the reason it
 *     is assumed
 */
public record PolicyValue(String path, String text, String source, String at, boolean assumed,
                          String file, int line, int column, boolean thirdParty,
                          String sourceKind, String citation) {
    static PolicyValue of(org.medins.swig.Value v) {
        return v == null ? null : new PolicyValue(v.getPath(), v.getText(), v.getSource(),
                v.getAt(), v.getAssumed() != 0, v.getFile(), (int) v.getLine(),
                (int) v.getColumn(), v.getThird_party() != 0, medins.value_source_kind(v),
                medins.value_citation(v));
    }
}
