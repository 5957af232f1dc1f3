package netdyn.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import netdyn.FileErrors;

/**
 * Streams rows of float64 to an NPY file (format version 1.0, little-endian {@code <f8}, C order),
 * loadable by {@code numpy.load}. The row count is unknown while streaming: the header is written
 * with room to spare and rewritten with the final shape on {@link #close()}, so a run of 10^6 steps
 * never holds its series in memory. Rows are buffered and flushed every 64 KiB.
 */
public final class NpyWriter implements AutoCloseable {
    /** Fixed header size (magic + version + length + dict, padded), a multiple of 64 as numpy writes. */
    private static final int HEADER_BYTES = 128;

    private final Path file;
    private final FileChannel channel;
    private final int columns;
    private final boolean matrix;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;
    /** Data bytes the file holds (after the header). */
    private long written;
    /** A write failed: the file keeps its complete rows and takes no more. */
    private boolean failed;

    /**
     * @param columns row length; with {@code matrix == false} the file is 1-D (shape (rows,)) and
     *                columns must be 1
     */
    public NpyWriter(Path file, int columns, boolean matrix) throws IOException {
        if (!matrix && columns != 1) {
            throw new IllegalArgumentException("a 1-D NPY file has 1 column, got " + columns);
        }
        this.file = file;
        this.columns = columns;
        this.matrix = matrix;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
        writeHeader();
    }

    /** A 1-D series. */
    public static NpyWriter series(Path file) throws IOException {
        return new NpyWriter(file, 1, false);
    }

    /** A [rows × columns] matrix. */
    public static NpyWriter matrix(Path file, int columns) throws IOException {
        return new NpyWriter(file, columns, true);
    }

    /** A whole 1-D array, written at once. */
    public static void write(Path file, double[] values) throws IOException {
        try (NpyWriter w = series(file)) {
            for (double v : values) {
                w.append(v);
            }
        }
    }

    /** Rows of equal length as a [rows × columns] matrix (at least one row). */
    public static void writeRows(Path file, Iterable<double[]> rows, int columns) throws IOException {
        try (NpyWriter w = matrix(file, columns)) {
            for (double[] row : rows) {
                w.appendRow(row, 0);
            }
        }
    }

    public static void writeRows(Path file, double[][] rows) throws IOException {
        writeRows(file, java.util.Arrays.asList(rows), rows[0].length);
    }

    /** Columns of equal length side by side as an [n × columns] matrix; one column gives a 1-D array. */
    public static void writeColumns(Path file, double[]... columns) throws IOException {
        if (columns.length == 1) {
            write(file, columns[0]);
            return;
        }
        double[] row = new double[columns.length];
        try (NpyWriter w = matrix(file, columns.length)) {
            for (int i = 0; i < columns[0].length; i++) {
                for (int c = 0; c < columns.length; c++) {
                    row[c] = columns[c][i];
                }
                w.appendRow(row, 0);
            }
        }
    }

    public void append(double value) throws IOException {
        if (columns != 1) {
            throw new IllegalArgumentException("row of 1 value for " + columns + " columns");
        }
        ensure(8);
        buffer.putDouble(value);
        rows++;
    }

    public void appendRow(double[] row, int offset) throws IOException {
        for (int i = 0; i < columns; i++) {
            ensure(8);
            buffer.putDouble(row[offset + i]);
        }
        rows++;
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    /**
     * Writes buffered rows and the header with the current row count. When the data cannot be written (a
     * full disk), the header keeps the rows written before, so the file still loads.
     */
    public void flush() throws IOException {
        if (failed) {
            buffer.clear();
            return;
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
        } catch (IOException e) {
            failed = true;
            rows = written / (8L * columns); // the complete rows on disk
            buffer.clear();
            try {
                writeHeader();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw FileErrors.named(file, e);
        }
        buffer.clear();
        writeHeader();
    }

    private void writeHeader() throws IOException {
        try {
            writeHeaderBytes();
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
    }

    private void writeHeaderBytes() throws IOException {
        String shape = matrix ? "(" + rows + ", " + columns + ")" : "(" + rows + ",)";
        StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }");
        int preamble = 10; // magic (6) + version (2) + header length (2)
        while (preamble + dict.length() + 1 < HEADER_BYTES) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        header.putShort((short) dict.length());
        header.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        header.flip();
        long position = channel.position();
        channel.position(0);
        while (header.hasRemaining()) {
            channel.write(header);
        }
        channel.position(Math.max(position, HEADER_BYTES));
    }

    @Override
    public void close() throws IOException {
        try (FileChannel c = channel) {
            flush();
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
    }
}
