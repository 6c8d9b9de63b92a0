package org.medins;

import java.util.Map;

/**
 * Some claims of a batch failed, thrown by {@link BatchResult#throwIfFailed()}. Like
 * {@code java.sql.BatchUpdateException}, it carries the outcome of the whole batch: the claims
 * that settled did update their ledgers, and {@link #result()} has their figures. Each failed
 * claim's error (the code and message of settling that claim alone) is in
 * {@link BatchResult#errors()} and among this exception's suppressed exceptions. The code is
 * MEDINS_ERR_BATCH.
 */
public class BatchException extends MedinsException {
    private static final long serialVersionUID = 1L;

    private final transient BatchResult result;

    BatchException(BatchResult result) {
        super(Status.BATCH.code(), summary(result), null, 0, 0);
        this.result = result;
        for (MedinsException e : result.errors().values()) {
            addSuppressed(e);
        }
    }

    /* "2 of 7 claims failed; the first, claim 3 (MEDINS_ERR_CLAIM): total is negative" */
    private static String summary(BatchResult r) {
        Map.Entry<Integer, MedinsException> first = r.errors().entrySet().iterator().next();
        return r.failed() + " of " + r.size() + " claims failed; the first, claim "
                + first.getKey() + " (" + first.getValue().status().cName() + "): "
                + first.getValue().detail();
    }

    /**
     * The outcome of every claim of the batch.
     *
     * @return the batch's result; null after deserialisation
     */
    public BatchResult result() {
        return result;
    }
}
