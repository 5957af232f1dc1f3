package netdyn.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import netdyn.BadInputException;

/**
 * Reads a float64 NPY file (versions 1–3, C order, little- or big-endian {@code f8}) as a flat
 * array with its shape.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?)([a-zA-Z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** A loaded array: row-major {@code data} of the given shape. */
    public record Array(long[] shape, double[] data) {
    }

    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new BadInputException(file + ": not an NPY file");
        }
        int major = bytes[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            start = 10;
        } else {
            headerLength = b.getInt(8);
            start = 12;
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new BadInputException(file + ": unreadable NPY header");
        }
        if (!descr.group(2).equals("f8")) {
            throw new BadInputException(file + ": holds " + descr.group(2) + " values; netdyn reads float64 (f8)");
        }
        if (fortran.group(1).equals("True")) {
            throw new BadInputException(file + ": Fortran-ordered arrays are not supported; save with C order");
        }
        String[] dims = shape.group(1).split(",");
        long count = 1;
        long[] parsed = new long[dims.length];
        int rank = 0;
        for (String d : dims) {
            if (!d.isBlank()) {
                parsed[rank] = Long.parseLong(d.trim());
                count *= parsed[rank++];
            }
        }
        long[] dimsOut = java.util.Arrays.copyOf(parsed, rank);
        int dataStart = start + headerLength;
        if (bytes.length - dataStart < count * 8) {
            throw new BadInputException(file + ": truncated: header says " + count + " values, file holds "
                    + (bytes.length - dataStart) / 8);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) (count * 8))
                .order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) count];
        data.asDoubleBuffer().get(values);
        return new Array(dimsOut, values);
    }
}
