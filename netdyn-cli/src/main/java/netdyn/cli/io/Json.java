package netdyn.cli.io;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import netdyn.FileErrors;

/** JSON output: pretty-printed, key order as inserted, non-finite numbers as null. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A finite number, or null (JSON has no NaN or infinity). */
    public static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, Object value) throws IOException {
        try {
            MAPPER.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
    }

    /**
     * A map that keeps the given key order (key, value, key, value, ...): unlike {@code Map.of},
     * whose iteration order changes from one JVM run to the next, so files would differ run to run.
     */
    public static java.util.Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up, got " + keysAndValues.length);
        }
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The values as JSON numbers, NaN and infinities as null. */
    public static java.util.List<Double> numbers(double[] values) {
        java.util.List<Double> list = new java.util.ArrayList<>(values.length);
        for (double v : values) {
            list.add(number(v));
        }
        return list;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
