package netdyn.sweep;

import java.util.List;

import netdyn.BadInputException;

/**
 * One dimension of a sweep grid: a setting's name (the command-line option without dashes, e.g.
 * {@code lr}, {@code hidden}, {@code activation}) and its values as text, in grid order. The text
 * is canonical: numbers are written by {@link Double#toString} so a value reads back to the same
 * double, and the same grid always gives the same text.
 */
public record Axis(String name, List<String> values) {

    public Axis {
        if (values.isEmpty()) {
            throw new BadInputException("--" + name + ": empty grid");
        }
        values = List.copyOf(values);
    }

    public static Axis numeric(String name, double[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = Double.toString(values[i]);
        }
        return new Axis(name, List.of(text));
    }

    /** Comma-separated text values, trimmed; blank items are an error. */
    public static Axis listed(String name, String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new BadInputException("--" + name + ": empty grid");
        }
        String[] parts = s.split(s.contains(";") ? ";" : ",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].isEmpty()) {
                throw new BadInputException("--" + name + ": empty value in '" + s + "'");
            }
        }
        return new Axis(name, List.of(parts));
    }

    public int size() {
        return values.size();
    }

    /** The grid as one canonical line, for comparing configurations. */
    public String text() {
        return String.join(",", values);
    }
}
