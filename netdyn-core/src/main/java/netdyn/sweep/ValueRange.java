package netdyn.sweep;

import java.util.ArrayList;
import java.util.List;

import netdyn.BadInputException;

/**
 * Grid values written as a list {@code 0.01,0.1,1}, a linear range {@code FROM:TO:N} or
 * {@code FROM:TO:lin:N}, or a log-spaced range {@code FROM:TO:log:N} (N values, both ends included).
 * Ranges run upwards; log ranges need positive ends. Parsing is the only validation a grid needs:
 * a value that parses is a value the sweep can run.
 */
public final class ValueRange {
    private ValueRange() {
    }

    public static double[] parse(String option, String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new BadInputException(option + ": empty grid (give values a,b,c or a range FROM:TO:N or "
                    + "FROM:TO:log:N)");
        }
        if (!s.contains(":")) {
            List<Double> values = new ArrayList<>();
            for (String part : s.split(",", -1)) {
                values.add(number(option, part, s));
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        String[] parts = s.split(":", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new BadInputException(option + ": '" + s + "' is not a range (FROM:TO:N, FROM:TO:lin:N or "
                    + "FROM:TO:log:N)");
        }
        double from = number(option, parts[0], s);
        double to = number(option, parts[1], s);
        boolean log = parts.length == 4 && parts[2].trim().equals("log");
        if (parts.length == 4 && !log && !parts[2].trim().equals("lin")) {
            throw new BadInputException(option + ": spacing '" + parts[2].trim() + "' in '" + s
                    + "' must be lin or log");
        }
        int n = count(option, parts[parts.length - 1], s);
        if (to < from) {
            throw new BadInputException(option + ": range '" + s + "' has its ends reversed (FROM must be <= TO)");
        }
        if (log && !(from > 0)) {
            throw new BadInputException(option + ": log range '" + s + "' needs ends > 0");
        }
        if (n == 1 && from != to) {
            throw new BadInputException(option + ": range '" + s + "' has 1 value but two different ends");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0 : (double) i / (n - 1);
            v[i] = log ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
        }
        v[0] = from; // the ends exactly as written
        v[n - 1] = to;
        return v;
    }

    private static double number(String option, String text, String whole) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + text.trim() + "' in '" + whole + "' is not a finite number");
        }
    }

    private static int count(String option, String text, String whole) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 1) {
                throw new BadInputException(option + ": range '" + whole + "' has " + n
                        + " values: the grid is empty (N must be >= 1)");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": count '" + text.trim() + "' in '" + whole
                    + "' is not a whole number");
        }
    }
}
