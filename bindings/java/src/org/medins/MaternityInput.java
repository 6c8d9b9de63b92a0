package org.medins;

import java.util.Objects;

/**
 * One delivery to pay: its type, completed weeks of pregnancy when prenatal care ended, the
 * child's order (1 for a first child), prenatal-care and complication costs in fen.
 */
public record MaternityInput(Delivery delivery, int weeks, int childOrder, long prenatalCosts,
                             long complicationCosts) {
    public MaternityInput {
        Objects.requireNonNull(delivery, "delivery");
    }

    long[] packed() {
        return new long[] {delivery.code(), weeks, childOrder, prenatalCosts, complicationCosts};
    }
}
