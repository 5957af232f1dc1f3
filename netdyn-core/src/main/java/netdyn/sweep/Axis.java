package netdyn.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import netdyn.BadInputException;
import netdyn.analysis.ResultKeys;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.run.NetworkSpec;
import netdyn.run.RunSpec;

/**
 * One dimension of a sweep grid: the setting it varies and its values, in grid order. A value is applied
 * to a run as a typed change ({@link Setting#apply}: {@code spec → spec}, validated by the spec); its text
 * is canonical (numbers as {@link Double#toString}, so a value reads back to the same double) and is what
 * rows, stores and pages show.
 */
public record Axis(Setting setting, List<String> values) implements Serializable {

    /** What an axis can vary, each with its name in rows and on the command line. */
    public enum Setting {
        LEARNING_RATE("lr", Double::valueOf, (spec, v) -> spec.withLearningRate(Double.parseDouble(v))),
        HIDDEN_RATE("lr-hidden", Double::valueOf, (spec, v) -> spec.withHiddenRate(Double.parseDouble(v))),
        OUTPUT_RATE("lr-output", Double::valueOf, (spec, v) -> spec.withOutputRate(Double.parseDouble(v))),
        HIDDEN("hidden", v -> v, (spec, v) -> spec.withHidden(NetworkSpec.parseHidden(v))),
        ACTIVATION("activation", v -> v, (spec, v) -> spec.withActivation(Activation.parse(v))),
        /**
         * The weights' initialisation ({@code normal:σ}, …); biases keep theirs. Its row column is
         * {@code weight-init}: {@code init} in a row is the init index ({@link ResultKeys#INIT}).
         */
        INIT("init", "weight-init", v -> v, (spec, v) -> spec.withInit(InitSpec.parse(v, spec.init().biasesText()))),
        DATA("data", v -> v, (spec, v) -> spec.withData(spec.data().withSource(v))),
        SEED("seed", Long::valueOf, (spec, v) -> spec.withSeed(Long.parseLong(v)));

        private final String id;
        private final String rowKey;
        private final Function<String, Object> rowValue;
        private final BiFunction<RunSpec, String, RunSpec> apply;

        Setting(String id, Function<String, Object> rowValue, BiFunction<RunSpec, String, RunSpec> apply) {
            this(id, id, rowValue, apply);
        }

        Setting(String id, String rowKey, Function<String, Object> rowValue,
                BiFunction<RunSpec, String, RunSpec> apply) {
            this.id = id;
            this.rowKey = rowKey;
            this.rowValue = rowValue;
            this.apply = apply;
        }

        /** The name in store settings ({@code grid ID}), messages and on the command line. */
        public String id() {
            return id;
        }

        /** The column of this setting in result rows (its id, unless that names another row field). */
        public String rowKey() {
            return rowKey;
        }

        /** {@code spec} with this setting at {@code value}. */
        public RunSpec apply(RunSpec spec, String value) {
            return apply.apply(spec, value);
        }

        /** The value as a result row holds it: a number for rates and seeds, text otherwise. */
        public Object rowValue(String value) {
            return rowValue.apply(value);
        }
    }

    public Axis {
        if (values.isEmpty()) {
            throw BadInputException.of(Axis.class, setting.id(), "grid is empty");
        }
        values = List.copyOf(values);
    }

    public static Axis numeric(Setting setting, double[] values) {
        List<String> text = new ArrayList<>(values.length);
        for (double v : values) {
            text.add(Double.toString(v));
        }
        return new Axis(setting, text);
    }

    /** Comma-separated values ({@code ;} when a value holds commas, as hidden "32,32;64"), trimmed. */
    public static Axis listed(Setting setting, String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw BadInputException.of(Axis.class, setting.id(), "grid is empty");
        }
        String[] parts = s.split(s.contains(";") ? ";" : ",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].isEmpty()) {
                throw BadInputException.of(Axis.class, setting.id(), "grid has an empty value in '" + s + "'");
            }
        }
        return new Axis(setting, List.of(parts));
    }

    public String name() {
        return setting.id();
    }

    public int size() {
        return values.size();
    }

    /** {@code spec} with this axis at its {@code index}-th value. */
    public RunSpec apply(RunSpec spec, int index) {
        return setting.apply(spec, values.get(index));
    }

    /** The grid as one canonical line, for comparing configurations. */
    public String text() {
        return String.join(",", values);
    }
}
