package netdyn.cli;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

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

    /** The constant of {@code values} whose id is {@code text}; a conversion error listing the ids otherwise. */
    static <E extends Enum<E>> E parse(String text, E[] values, Function<E, String> id, String what) {
        for (E e : values) {
            if (id.apply(e).equals(text)) {
                return e;
            }
        }
        throw new TypeConversionException("unknown " + what + " '" + text + "' (valid: "
                + String.join(", ", ids(values, id)) + ")");
    }

    static <E extends Enum<E>> List<String> ids(E[] values, Function<E, String> id) {
        return java.util.Arrays.stream(values).map(id).toList();
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            return parse(value, Activation.values(), Activation::id, "activation");
        }
    }

    static final class Activations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ids(Activation.values(), Activation::id).iterator();
        }
    }

    static final class OutputConverter implements ITypeConverter<OutputKind> {
        @Override
        public OutputKind convert(String value) {
            return parse(value, OutputKind.values(), OutputKind::id, "output");
        }
    }

    static final class Outputs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ids(OutputKind.values(), OutputKind::id).iterator();
        }
    }

    static final class LossConverter implements ITypeConverter<LossKind> {
        @Override
        public LossKind convert(String value) {
            return parse(value, LossKind.values(), LossKind::id, "loss");
        }
    }

    static final class Losses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ids(LossKind.values(), LossKind::id).iterator();
        }
    }
}
