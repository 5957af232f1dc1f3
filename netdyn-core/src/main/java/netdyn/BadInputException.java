package netdyn;

/**
 * A user's input is wrong: an option value, a file, a dataset. The message is one line that names
 * the option or file and says what is wrong and what is allowed; the command line prints it and
 * exits with code 2. Programmer misuse stays an {@link IllegalArgumentException}.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
