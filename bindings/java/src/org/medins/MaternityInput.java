package org.medins;

import java.util.Objects;

/**
 * One delivery to pay: its type, completed weeks of pregnancy when prenatal care ended, the
 * child's order (1 for a first child), prenatal-care and complication costs in fen.
 */
public record MaternityInput(Delivery delivery, int weeks, int childOrder, long prenatalCosts,
                             long complicationCosts) {
    /**
     * Checks that the delivery type is given; the rest is checked by the library.
     *
     * @param delivery the type of delivery
     * @param weeks completed weeks of pregnancy when prenatal care ended
     * @param childOrder the child's order, 1 for a first child
     * @param prenatalCosts prenatal-care costs in fen
     * @param complicationCosts complication costs in fen
     * @throws NullPointerException when {@code delivery} is null
     */
    public MaternityInput {
        Objects.requireNonNull(delivery, "delivery");
    }

    private static final int[] SLOTS = Packed.slots(Packed.MATERNITY_INPUT, "delivery", "weeks",
            "child_order", "prenatal_costs", "complication_costs");

    long[] packed() {
        return Packed.pack(Packed.MATERNITY_INPUT, SLOTS, delivery.code(), weeks, childOrder,
                prenatalCosts, complicationCosts);
    }
}
