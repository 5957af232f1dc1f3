package netdyn.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task measured: named values in a fixed order (numbers, text, or arrays of numbers — one row
 * of the result store) and named time series too long for a row (written beside it as NPY).
 */
public final class TaskResult {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, double[]> series = new LinkedHashMap<>();

    public TaskResult put(String name, Object value) {
        if (!(value instanceof Number || value instanceof String || value instanceof double[] || value == null)) {
            throw new IllegalArgumentException(name + ": unsupported value " + value.getClass());
        }
        values.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
        return this;
    }

    public TaskResult series(String name, double[] data) {
        series.put(name, data);
        return this;
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Map<String, double[]> series() {
        return Collections.unmodifiableMap(series);
    }
}
