package netdyn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A user's input is wrong: a setting's value, a file, a dataset. The message is one line that names
 * the setting or file and says what is wrong and what is allowed; the command line prints it and
 * exits with code 2. Programmer misuse stays an {@link IllegalArgumentException}.
 *
 * <p>Core speaks Java: a bad value of one setting is made with {@link #of}, whose message starts with the
 * setting's Java name ({@code "learningRate must be a finite number > 0 (got -0.5)"}); the command line
 * shows the same message with its own spelling of the name ({@code "--lr must be …"}) through
 * {@link #message(UnaryOperator)}. A message that also names another setting ("must be in [0, steps)")
 * names it with {@link #mention}, so the command line spells that one its way too. The setting's owner
 * (the spec or parser that checks it) tells settings of the same name apart, such as the horizon of
 * two different estimators.
 */
public class BadInputException extends RuntimeException {
    private final Class<?> owner;
    private final String parameter;
    private final List<Object> detail;

    public BadInputException(String message) {
        super(message);
        this.owner = null;
        this.parameter = null;
        this.detail = List.of();
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.owner = null;
        this.parameter = null;
        this.detail = List.of();
    }

    private BadInputException(Class<?> owner, String parameter, List<Object> detail) {
        super(render(parameter, detail, UnaryOperator.identity()));
        this.owner = owner;
        this.parameter = parameter;
        this.detail = detail;
    }

    /** Another setting named inside a message: its Java name here, the command line's flag there. */
    public record Mention(String parameter) implements java.io.Serializable {
        public Mention {
            if (parameter == null || parameter.isEmpty()) {
                throw new IllegalArgumentException("a mention needs a setting name");
            }
        }
    }

    /** Names the setting {@code parameter} inside the detail of {@link #of}. */
    public static Mention mention(String parameter) {
        return new Mention(parameter);
    }

    /**
     * A bad value of the setting {@code parameter} (its Java name, as in the spec's accessor).
     *
     * @param detail the rest of the sentence after the name, e.g. "must be >= 1 (got 0)", in parts: text and
     *               {@link #mention}s of other settings, joined without separators
     */
    public static BadInputException of(String parameter, Object... detail) {
        return of((Class<?>) null, parameter, detail);
    }

    /**
     * As {@link #of(String, Object...)}, for a setting of {@code owner} (the record or parser whose check
     * failed; null when the name alone says which setting it is).
     */
    public static BadInputException of(Class<?> owner, String parameter, Object... detail) {
        if (parameter == null || parameter.isEmpty()) {
            throw new IllegalArgumentException("a bad setting needs its name");
        }
        List<Object> parts = new ArrayList<>(detail.length);
        for (Object part : detail) {
            parts.add(part instanceof Mention ? part : String.valueOf(part)); // text now: the exception may travel
        }
        return new BadInputException(owner, parameter, List.copyOf(parts));
    }

    /** The class whose setting is wrong, or null. */
    public Class<?> owner() {
        return owner;
    }

    /** The setting whose value is wrong, or null when the message names something else (a file, a dataset). */
    public String parameter() {
        return parameter;
    }

    /** The message after the setting's name (the whole message when there is no setting). */
    public String detail() {
        return parameter == null ? getMessage() : text(detail, UnaryOperator.identity());
    }

    /**
     * The message with every setting it names (the one that is wrong and those mentioned) spelled by
     * {@code names}, which receives Java names; {@link #getMessage()} is {@code message(name -> name)}.
     */
    public String message(UnaryOperator<String> names) {
        return parameter == null ? getMessage() : render(parameter, detail, names);
    }

    /** "name detail", or "name: detail" when the detail starts with a colon. */
    private static String render(String parameter, List<Object> detail, UnaryOperator<String> names) {
        String name = names.apply(parameter);
        String text = text(detail, names);
        return name + (text.startsWith(":") || text.isEmpty() ? "" : " ") + text;
    }

    private static String text(List<Object> parts, UnaryOperator<String> names) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            b.append(part instanceof Mention m ? names.apply(m.parameter()) : String.valueOf(part));
        }
        return b.toString();
    }
}
