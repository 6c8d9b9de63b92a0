package org.medins;

/**
 * One explained line of a result: what the amount is, the base the rule was applied to and the
 * ratio (basis points), the rule id, an English sentence with the parameter values, and where
 * the value came from (source id, citation, policy file, line, column; null / 0 when none).
 *
 * @param part whose money the line is about
 * @param amount money this line is about, in fen
 * @param base the amount the rule was applied to (segment piece...), or 0, in fen
 * @param ratio ratio applied, or 0, in basis points
 * @param rule rule id, e.g. "inpatient.deductible"
 * @param text one English sentence with the parameter values
 * @param source source id, or null for assumed values and derived lines
 * @param citation {@code "<title> (<number>), <paragraph>"} or {@code "assumed: <reason>"}; "" when
 *     no value was used
 * @param file policy file of the value used, or null
 * @param line 1-based line in file, 0 when none
 * @param column 1-based column in file, 0 when none
 * @param assumed true when an assumed value was used
 */
public record ExplanationLine(Part part, long amount, long base, int ratio, String rule,
                              String text, String source, String citation, String file,
                              int line, int column, boolean assumed) {
    @Override
    public String toString() {
        return part + " " + Money.format(amount) + ": " + text
                + (citation == null || citation.isEmpty() ? "" : " [" + citation + "]");
    }
}
