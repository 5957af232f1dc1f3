package netdyn;

/**
 * A user's input is wrong: a setting's value, a file, a dataset. The message is one line that names
 * the setting or file and says what is wrong and what is allowed; the command line prints it and
 * exits with code 2. Programmer misuse stays an {@link IllegalArgumentException}.
 *
 * <p>Core speaks Java: a bad value of one setting is made with {@link #of}, whose message starts with the
 * setting's Java name ({@code "learningRate must be a finite number > 0 (got -0.5)"}); the command line
 * shows the same message with its own spelling of the name ({@code "--lr must be …"}).
 */
public class BadInputException extends RuntimeException {
    private final String parameter;
    private final String detail;

    public BadInputException(String message) {
        super(message);
        this.parameter = null;
        this.detail = message;
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.parameter = null;
        this.detail = message;
    }

    private BadInputException(String parameter, String detail, boolean named) {
        super(parameter + " " + detail);
        this.parameter = parameter;
        this.detail = detail;
    }

    /**
     * A bad value of the setting {@code parameter} (its Java name, as in the spec's accessor).
     *
     * @param detail the rest of the sentence after the name, e.g. "must be >= 1 (got 0)"
     */
    public static BadInputException of(String parameter, String detail) {
        return new BadInputException(parameter, detail, true);
    }

    /** The setting whose value is wrong, or null when the message names something else (a file, a dataset). */
    public String parameter() {
        return parameter;
    }

    /** The message after the setting's name (the whole message when there is no setting). */
    public String detail() {
        return detail;
    }
}
