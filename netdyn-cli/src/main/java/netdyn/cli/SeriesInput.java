package netdyn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.cli.io.NpyReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The series of {@code netdyn series}: a CSV/NPY file or a run's loss.npy, and the window of it analysed. */
final class SeriesInput {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The series: a CSV/text file with one column (an optional header line) or a 1-D "
                        + "float64 .npy file.")
        Path input;

        @Option(names = "--run", paramLabel = "DIR", required = true,
                description = "A run directory of netdyn train: its loss.npy.")
        Path run;
    }

    @Option(names = "--skip", defaultValue = "0", paramLabel = "N",
            description = "Drop the first N values (a transient; default: ${DEFAULT-VALUE}).")
    int skip;

    @Option(names = "--length", paramLabel = "N", description = "Keep at most N values after --skip (default: all).")
    Integer length;

    /** How messages name the series: {@code --input FILE} or {@code --run DIR}. */
    String label() {
        return source.input != null ? "--input " + source.input : "--run " + source.run;
    }

    /** The file or run directory given. */
    Path path() {
        return source.run != null ? source.run : source.input;
    }

    /** The manifest's account of the input, for a window of {@code n} values. */
    Map<String, Object> describe(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", path().toString());
        m.put("source", source.run != null ? "run" : "input");
        m.put("skip", skip);
        m.put("length", n);
        return m;
    }

    /** The values after --skip, at most --length of them; all finite. */
    double[] read() {
        if (skip < 0) {
            throw new BadInputException("--skip must be >= 0 (got " + skip + ")");
        }
        if (length != null && length < 1) {
            throw new BadInputException("--length must be >= 1 (got " + length + ")");
        }
        String label = label();
        double[] x = select(load(), label);
        requireFinite(x, label);
        return x;
    }

    /** Rejects a window of fewer than {@code needed} values, for {@code what} (the options that need them). */
    void requireLength(double[] x, int needed, String what) {
        if (x.length < needed) {
            throw new BadInputException(label() + ": " + x.length + " values (after --skip " + skip + ") are too few "
                    + "for " + what + ", which needs at least " + needed);
        }
    }

    private double[] load() {
        if (source.run != null) {
            if (!Files.isDirectory(source.run)) {
                throw new BadInputException("--run " + source.run + ": not a directory");
            }
            Path loss = source.run.resolve("loss.npy");
            if (!Files.exists(loss)) {
                throw new BadInputException("--run " + source.run + ": no loss.npy (not a netdyn train run directory)");
            }
            return oneDimensional(NpyReader.read(loss), "--run " + loss);
        }
        Path file = source.input;
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return oneDimensional(NpyReader.read(file), "--input " + file);
        }
        return readColumn(file);
    }

    private static double[] oneDimensional(NpyReader.Array a, String label) {
        long[] s = a.shape();
        boolean column = s.length == 1 || (s.length == 2 && s[1] == 1);
        if (!column) {
            throw new BadInputException(label + ": holds an array of shape " + Arrays.toString(s)
                    + "; a series is 1-D (or one column)");
        }
        return a.data();
    }

    /** One number per line; blank lines skipped; a first line that is not a number is a header. */
    private static double[] readColumn(Path file) {
        String label = "--input " + file;
        double[] values = new double[1024];
        int count = 0;
        boolean first = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String cell = line.strip();
                if (lineNo == 1 && cell.startsWith("\uFEFF")) {
                    cell = cell.substring(1).strip();
                }
                if (cell.isEmpty()) {
                    continue;
                }
                String[] fields = cell.split("[,;\t]", -1);
                if (fields.length > 1) {
                    throw new BadInputException(label + " line " + lineNo + ": has " + fields.length
                            + " columns; a series file has one value per line");
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    if (first) {
                        first = false;
                        continue; // a header
                    }
                    throw new BadInputException(label + " line " + lineNo + ": '" + cell + "' is not a number");
                }
                first = false;
                if (!Double.isFinite(v)) {
                    throw new BadInputException(label + " line " + lineNo + ": '" + cell + "' is not a finite number");
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, 2 * count);
                }
                values[count++] = v;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(label + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(label + ": cannot read (" + e.getMessage() + ")");
        }
        return Arrays.copyOf(values, count);
    }

    private double[] select(double[] all, String label) {
        if (all.length == 0) {
            throw new BadInputException(label + ": empty series (no values)");
        }
        if (skip >= all.length) {
            throw new BadInputException("--skip " + skip + " leaves no values of the " + all.length + " in " + label);
        }
        int end = length == null ? all.length : (int) Math.min(all.length, (long) skip + length);
        return Arrays.copyOfRange(all, skip, end);
    }

    /** Non-finite values are checked after --skip and --length, so that a window before a divergence is usable. */
    private void requireFinite(double[] x, String label) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new BadInputException(label + ": value " + (skip + i) + " is " + x[i] + "; the diagnostics "
                        + "need finite values (a diverged run? keep the values before it with --length " + i + ")");
            }
        }
    }
}
