package org.medins;

/**
 * One explained line of a result: what the amount is, the base the rule was applied to and the
 * ratio (basis points), the rule id, an English sentence with the parameter values, and where
 * the value came from (source id, citation, policy file, line, column; null / 0 when none).
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
