package org.medins;

/**
 * A libmedins call failed: the status code, the library's message and, for policy files, the
 * position of the offending node (line and column 1-based, 0 when unknown).
 */
public class MedinsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the negative status code */
    private final int code;
    /** @serial the library's message alone */
    private final String detail;
    /** @serial the file the error is about, or null */
    private final String file;
    /** @serial the 1-based line, 0 when unknown */
    private final int line;
    /** @serial the 1-based column, 0 when unknown */
    private final int column;

    /**
     * Made by the native layer; public so that callers can build one in tests.
     *
     * @param code the negative status code
     * @param message the library's message
     * @param file the file the error is about, or null
     * @param line its 1-based line, 0 when unknown
     * @param column its 1-based column, 0 when unknown
     */
    public MedinsException(int code, String message, String file, int line, int column) {
        super(format(code, message, file, line, column));
        this.code = code;
        this.detail = message == null ? "" : message;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(int code, String message, String file, int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append(message == null ? "" : message).append(" [").append(Status.fromCode(code).cName())
                .append(']');
        return sb.toString();
    }

    /**
     * The status code.
     *
     * @return the negative status code (medins_status)
     */
    public int code() {
        return code;
    }

    /**
     * The status as an enum.
     *
     * @return the status, {@link Status#UNKNOWN} for a code this binding does not know
     */
    public Status status() {
        return Status.fromCode(code);
    }

    /**
     * The family of the failure, as the library groups the codes (see {@link Status#kind()}):
     * catch a MedinsException and switch on this rather than on a list of codes.
     *
     * @return "claim", "ledger", "policy"...; "none" for a code the library does not have
     */
    public String kind() {
        return Status.kindOf(code);
    }

    /**
     * The library's message alone, without position or status name.
     *
     * @return the message; empty when the library gave none
     */
    public String detail() {
        return detail;
    }

    /**
     * The file the error is about.
     *
     * @return the file name, or null
     */
    public String file() {
        return file;
    }

    /**
     * The line in {@link #file()}.
     *
     * @return the 1-based line, 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The column in {@link #file()}.
     *
     * @return the 1-based column, 0 when unknown
     */
    public int column() {
        return column;
    }
}
