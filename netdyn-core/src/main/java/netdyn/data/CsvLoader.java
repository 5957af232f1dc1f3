package netdyn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import netdyn.BadInputException;

/**
 * Loads a user's CSV file: numeric feature columns and one label column (the last unless told
 * otherwise). The first row is a header when one of its feature cells is not a number. Labels are
 * integers or class names; the distinct labels, sorted (numerically if all are integers,
 * alphabetically otherwise), become classes 0..K−1. Rows keep their order.
 *
 * <p>Every problem is a {@link BadInputException} naming the file, line and column.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    /**
     * @param labelColumn null for the last column; otherwise a header name or a 0-based index
     *                    (negative counts from the end, −1 is the last column)
     */
    public static Dataset load(Path file, String labelColumn) {
        // parsed line by line: 60 000 rows × 785 cells kept as strings first would take gigabytes
        List<double[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            int firstLine = 0;
            int columns = 0;
            int label = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = splitLine(line);
                if (firstLine == 0) {
                    firstLine = lineNo;
                    columns = cells.length;
                    if (columns < 2) {
                        throw new BadInputException(file + ": needs at least two columns (features and a label), "
                                + "found " + columns + " on line " + lineNo);
                    }
                    label = resolveLabelColumn(file, labelColumn, cells, columns);
                    boolean header = false;
                    for (int c = 0; c < columns; c++) {
                        if (c != label && !isNumber(cells[c])) {
                            header = true;
                            break;
                        }
                    }
                    for (int c = 0; c < columns; c++) {
                        if (c != label) {
                            featureNames.add(header ? cells[c] : "x" + featureNames.size());
                        }
                    }
                    if (header) {
                        continue;
                    }
                } else if (cells.length != columns) {
                    throw new BadInputException(file + " line " + lineNo + ": has " + cells.length
                            + " columns but line " + firstLine + " has " + columns);
                }
                double[] features = new double[columns - 1];
                int j = 0;
                for (int c = 0; c < columns; c++) {
                    if (c != label) {
                        features[j++] = parseFeature(file, lineNo, c, cells[c]);
                    }
                }
                if (cells[label].isEmpty()) {
                    throw new BadInputException(file + " line " + lineNo + ", column " + (label + 1)
                            + ": empty label");
                }
                rows.add(features);
                rawLabels.add(cells[label]);
            }
            if (firstLine == 0) {
                throw new BadInputException(file + ": the CSV file is empty");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file + ": has a header row but no data rows");
        }
        Labels labels = Labels.encode(rawLabels.toArray(String[]::new));
        if (labels.classNames().size() < 2) {
            throw new BadInputException(file + ": all rows have the same label '" + labels.classNames().get(0)
                    + "'; classification needs at least two classes");
        }
        return new Dataset("csv:" + file, rows.toArray(double[][]::new), labels.codes(), labels.classNames(),
                featureNames);
    }

    private static int resolveLabelColumn(Path file, String spec, String[] first, int columns) {
        if (spec == null) {
            return columns - 1;
        }
        String s = spec.trim();
        if (isInteger(s)) {
            int i = Integer.parseInt(s);
            int c = i < 0 ? columns + i : i;
            if (c < 0 || c >= columns) {
                throw BadInputException.of(CsvLoader.class, "labelColumn", spec + " is outside the " + columns
                        + " columns of " + file + " (use 0.." + (columns - 1) + " or -1..-" + columns + ")");
            }
            return c;
        }
        for (int c = 0; c < columns; c++) {
            if (first[c].equals(s)) {
                return c;
            }
        }
        throw BadInputException.of(CsvLoader.class, "labelColumn", "'" + spec + "' is not a column name in the header "
                + "of " + file + " (names: " + String.join(", ", first) + ")");
    }

    private static double parseFeature(Path file, int line, int column, String cell) {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new BadInputException(file + " line " + line + ", column " + (column + 1) + ": '" + cell
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException(file + " line " + line + ", column " + (column + 1) + ": " + cell
                    + " is not a finite number (NaN and infinite values are not allowed)");
        }
        return v;
    }

    static String[] splitLine(String line) {
        char sep = line.indexOf(',') >= 0 ? ',' : line.indexOf(';') >= 0 ? ';' : '\t';
        String[] cells = line.split(String.valueOf(sep), -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = unquote(cells[i].trim());
        }
        return cells;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                || s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'')) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isInteger(String s) {
        try {
            Integer.parseInt(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
