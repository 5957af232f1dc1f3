package netdyn.cli;

import java.util.Iterator;
import java.util.function.Function;

import netdyn.BadInputException;
import netdyn.nn.Activation;
import netdyn.nn.LossKind;
import netdyn.nn.OutputKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Options whose value is one of a core enum's constants, spelled by its id ({@code sigmoid-normalized},
 * {@code ce}): a picocli converter and the completion candidates of each. A value that is none of them
 * fails at parse time with picocli's "Invalid value for option '--loss': …" and the allowed ids, one line,
 * exit code 2 (see {@link Main}).
 */
final class Choices {
    private Choices() {
    }

    /** The core enum's own parse; its "unknown …" detail becomes picocli's conversion error. */
    static <E> E convert(String text, Function<String, E> parse) {
        try {
            return parse.apply(text);
        } catch (BadInputException e) {
            throw new TypeConversionException(e.detail().replaceFirst("^:\\s*", ""));
        }
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            return Choices.convert(value, Activation::parse);
        }
    }

    static final class Activations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Activation.ids().iterator();
        }
    }

    static final class OutputConverter implements ITypeConverter<OutputKind> {
        @Override
        public OutputKind convert(String value) {
            return Choices.convert(value, OutputKind::parse);
        }
    }

    static final class Outputs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return OutputKind.ids().iterator();
        }
    }

    static final class LossConverter implements ITypeConverter<LossKind> {
        @Override
        public LossKind convert(String value) {
            return Choices.convert(value, LossKind::parse);
        }
    }

    static final class Losses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LossKind.ids().iterator();
        }
    }
}
