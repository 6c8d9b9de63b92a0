package org.medins;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a population call ({@link Population}), one row per person, delivery or
 * institution: every figure of the one-row call's result as a named column of longs (amounts
 * in fen, rates in basis points, enums as their codes), and each row's status. Immutable: the
 * array getters return copies.
 *
 * <p>A row that fails gets zeros and its status, and keeps its error, {@link #error(int)}: the
 * exception the one-row call ({@link Policy#contribution}, {@link Policy#maternity},
 * {@link Policy#capitation}) throws for it, with the same code and message.
 */
public final class PopulationResult {
    private final List<String> names;
    private final long[] figures;
    private final int[] status;
    private final MedinsException[] errors;
    private final int failed;

    PopulationResult(List<String> names, long[] figures, int[] status, MedinsException[] errors,
                     int failed) {
        this.names = names;
        this.figures = figures;
        this.status = status;
        this.errors = errors;
        this.failed = failed;
    }

    /**
     * The number of rows.
     *
     * @return the number
     */
    public int size() {
        return status.length;
    }

    /**
     * The number of rows that failed.
     *
     * @return the number
     */
    public int failed() {
        return failed;
    }

    /**
     * The names of the columns, as the C library's figures name them ("individual",
     * "paying_tier", "payment"...).
     *
     * @return an unmodifiable list, in the library's order
     */
    public List<String> columns() {
        return names;
    }

    private int index(String column) {
        int k = names.indexOf(Objects.requireNonNull(column, "column"));
        if (k < 0) {
            throw new IllegalArgumentException("no column " + column + "; the columns are "
                    + names);
        }
        return k;
    }

    /**
     * A column's figures, one per row (0 for a row that failed).
     *
     * @param column its name, one of {@link #columns()}
     * @return a copy of the column
     * @throws IllegalArgumentException when there is no such column
     * @throws NullPointerException when {@code column} is null
     */
    public long[] column(String column) {
        int k = index(column);
        return Arrays.copyOfRange(figures, k * size(), (k + 1) * size());
    }

    /**
     * One figure of one row.
     *
     * @param column its name, one of {@link #columns()}
     * @param row the row's index
     * @return the figure (0 for a row that failed)
     * @throws IllegalArgumentException when there is no such column
     * @throws IndexOutOfBoundsException when {@code row} is not a row
     */
    public long get(String column, int row) {
        return figures[index(column) * size() + Objects.checkIndex(row, size())];
    }

    /**
     * A column's sum over the rows (failed rows count 0).
     *
     * @param column its name, one of {@link #columns()}
     * @return the sum
     * @throws IllegalArgumentException when there is no such column
     * @throws ArithmeticException when the sum does not fit a long
     */
    public long total(String column) {
        int k = index(column);
        long sum = 0;
        for (int i = k * size(); i < (k + 1) * size(); i++) {
            sum = Math.addExact(sum, figures[i]);
        }
        return sum;
    }

    /**
     * Row i's status.
     *
     * @param row the row's index
     * @return {@link Status#OK}, or why the row failed
     * @throws ArrayIndexOutOfBoundsException when {@code row} is not a row
     */
    public Status status(int row) {
        return Status.fromCode(status[row]);
    }

    /**
     * Why row i failed: the exception its one-row call throws.
     *
     * @param row the row's index
     * @return the error, or null when the row succeeded
     * @throws IndexOutOfBoundsException when {@code row} is not a row
     */
    public MedinsException error(int row) {
        return errors[Objects.checkIndex(row, size())];
    }

    /**
     * The failed rows' errors by row index.
     *
     * @return an unmodifiable map in row order; empty when no row failed
     */
    public SortedMap<Integer, MedinsException> errors() {
        SortedMap<Integer, MedinsException> m = new TreeMap<>();
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                m.put(i, errors[i]);
            }
        }
        return Collections.unmodifiableSortedMap(m);
    }

    @Override
    public String toString() {
        return "PopulationResult[" + size() + " rows, " + failed + " failed]";
    }
}
