package netdyn.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line JSON of result-store rows: an object whose values are numbers, strings, null, arrays
 * of numbers, or (for the header) objects of strings. Non-finite numbers are written as null and
 * read back as NaN. Numbers are written by {@link Double#toString} (integral longs without a
 * fraction), so a row always has the same text. Core has no JSON library; this is all it needs.
 */
final class FlatJson {
    private FlatJson() {
    }

    static String write(Map<String, ?> object) {
        StringBuilder b = new StringBuilder(256);
        writeObject(b, object);
        return b.toString();
    }

    private static void writeObject(StringBuilder b, Map<String, ?> object) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : object.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            value(b, e.getValue());
        }
        b.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Long || v instanceof Integer) {
            b.append(((Number) v).longValue());
        } else if (v instanceof Number n) {
            number(b, n.doubleValue());
        } else if (v instanceof double[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                number(b, a[i]);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            writeObject(b, (Map<String, ?>) m);
        } else {
            throw new IllegalArgumentException("unsupported value " + v.getClass());
        }
    }

    private static void number(StringBuilder b, double d) {
        if (!Double.isFinite(d)) {
            b.append("null");
        } else {
            b.append(Double.toString(d));
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Parses one line; throws IllegalArgumentException when it is not such an object. */
    static Map<String, Object> read(String line) {
        Parser p = new Parser(line);
        Map<String, Object> m = p.object();
        p.skipSpace();
        if (p.i != line.length()) {
            throw new IllegalArgumentException("trailing text at " + p.i);
        }
        return m;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                m.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (i - 1));
                }
            }
        }

        Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                i++;
                List<Double> list = new ArrayList<>();
                skipSpace();
                if (peek() == ']') {
                    i++;
                } else {
                    while (true) {
                        skipSpace();
                        Object v = value();
                        if (v != null && !(v instanceof Number)) {
                            throw new IllegalArgumentException("non-number in an array at " + (i - 1));
                        }
                        list.add(v == null ? Double.NaN : ((Number) v).doubleValue());
                        skipSpace();
                        char d = next();
                        if (d == ']') {
                            break;
                        }
                        if (d != ',') {
                            throw new IllegalArgumentException("expected , or ] at " + (i - 1));
                        }
                    }
                }
                return list.stream().mapToDouble(Double::doubleValue).toArray();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
            }
            if (num.matches("-?\\d+")) {
                return Long.parseLong(num);
            }
            return Double.parseDouble(num);
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw new IllegalArgumentException("unexpected end in \\u escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        char next() {
            char c = peek();
            i++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }
    }
}
