package org.medins;

import java.util.List;
import java.util.Map;

/**
 * One step of a result's trace: what it is, whose money its amount is, the rule it applied, its
 * amounts and ratio, the arguments of its kind by name, and the policy values it read, the
 * first being the one its amount rests on. The kinds and their arguments are listed in
 * docs/settlement.md, "The trace".
 *
 * @param kind the kind's word: "deductible", "segment", "cap", "major_disease" ...
 * @param part whose money {@code amount} is; {@link Part#INFO} when it moves none
 * @param rule rule id, e.g. "inpatient.deductible"
 * @param amount the money the step is about, in fen
 * @param base what its rule was applied to (a segment's piece...), or 0, in fen
 * @param ratio the ratio applied (signed for an adjustment), or 0, in basis points
 * @param args the kind's arguments by name, in their order: money in fen, ratios in basis
 *     points, flags 1 or 0, dates YYYYMMDD (0: none), enums as their C codes
 * @param values the policy values it read, each with its citation and position
 */
public record Step(String kind, Part part, String rule, long amount, long base, int ratio,
                   Map<String, Long> args, List<PolicyValue> values) {
}
