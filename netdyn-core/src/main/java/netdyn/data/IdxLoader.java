package netdyn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import netdyn.BadInputException;

/**
 * Loads a dataset in the IDX format of MNIST (LeCun et al.): {@code PREFIX-images-idx3-ubyte} and
 * {@code PREFIX-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}). Images of any rank are
 * flattened row-major into features; unsigned-byte images are divided by 255 (k/255 correctly rounded), other
 * element types (byte, short, int, float, double) are read as they are.
 */
public final class IdxLoader {
    private IdxLoader() {
    }

    public static Dataset load(String prefix) {
        Path images = find(prefix, "images", 3);
        Path labels = find(prefix, "labels", 1);
        return load("idx:" + prefix, images, labels);
    }

    /** Loads an image file and its label file (each gzipped when its name ends in {@code .gz}) as {@code name}. */
    public static Dataset load(String name, Path images, Path labels) {
        return assemble(name, read(images), images.toString(), read(labels), labels.toString());
    }

    /**
     * Loads a pair of gzipped IDX streams (a bundled resource, say) as {@code name}; {@code where} names
     * them in messages.
     */
    public static Dataset loadGzipped(String name, InputStream images, InputStream labels, String where) {
        try (InputStream img = new GZIPInputStream(images, 1 << 16);
             InputStream lab = new GZIPInputStream(labels, 1 << 16)) {
            return assemble(name, read(img, where + " images", -1, " after decompression"),
                    where + " images", read(lab, where + " labels", -1, " after decompression"), where + " labels");
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Dataset assemble(String name, Idx img, String images, Idx lab, String labels) {
        if (lab.dims.length != 1) {
            throw new BadInputException(labels + ": a label file must have 1 dimension, found " + lab.dims.length);
        }
        int n = img.dims[0];
        if (lab.dims[0] != n) {
            throw new BadInputException(images + " holds " + n + " images but " + labels + " holds " + lab.dims[0]
                    + " labels");
        }
        double[][] features = img.rows; // read once, row by row: no second copy of 60 000 × 784 doubles
        int d = n == 0 ? 0 : features[0].length;
        double divisor = img.type == 0x08 ? 255 : 1;
        for (int r = 0; r < n; r++) {
            double[] row = features[r];
            for (int j = 0; j < d; j++) {
                double v = row[j] / divisor;
                if (!Double.isFinite(v)) {
                    throw new BadInputException(images + ": image " + r + ", element " + j + " is not finite");
                }
                row[j] = v;
            }
        }
        String[] raw = new String[n];
        for (int r = 0; r < n; r++) {
            double v = lab.rows[r][0];
            if (v != Math.rint(v)) {
                throw new BadInputException(labels + ": label " + r + " is " + v + ", not an integer");
            }
            raw[r] = String.valueOf((long) v);
        }
        Labels encoded = Labels.encode(raw);
        if (encoded.classNames().size() < 2) {
            throw new BadInputException(labels + ": all labels are " + encoded.classNames().get(0)
                    + "; classification needs at least two classes");
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new Dataset(name, features, encoded.codes(), encoded.classNames(), names);
    }

    private static Path find(String prefix, String kind, int rank) {
        String base = prefix + "-" + kind + "-idx" + rank + "-ubyte";
        for (String candidate : new String[] {base, base + ".gz"}) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new BadInputException("idx:" + prefix + ": file not found: " + base + " (or " + base + ".gz)");
    }

    /** A file's element type, dimensions, and its values as dims[0] rows of the remaining dimensions' product. */
    private record Idx(int type, int[] dims, double[][] rows) {
    }

    private static int elementSize(String file, int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new BadInputException(file + ": unknown IDX element type 0x" + Integer.toHexString(type));
        };
    }

    private static Idx read(Path file) {
        boolean gz = file.toString().endsWith(".gz");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(in, file.toString(), gz ? -1 : Files.size(file), gz ? " after decompression" : "");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads one IDX stream; {@code size} is the file's size in bytes when known (checked against the header
     * before reading), −1 when not (a compressed stream); {@code where} says which bytes were counted.
     */
    private static Idx read(InputStream in, String file, long size, String where) {
        long consumed = 0;
        try {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            int magic = data.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || rank < 1) {
                throw new BadInputException(file + ": not an IDX file (magic number 0x" + Integer.toHexString(magic)
                        + ")");
            }
            int elementSize = elementSize(file, type);
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                count *= dims[i];
            }
            if (count > Integer.MAX_VALUE || count < 1 || dims[0] < 1) {
                throw new BadInputException(file + ": unsupported size " + count);
            }
            consumed = 4L + 4L * rank;
            long expected = consumed + count * elementSize;
            if (size >= 0 && size < expected) {
                throw cutShort(file, dims, type, expected, size, "");
            }
            int n = dims[0];
            int d = (int) (count / n);
            double[][] rows = new double[n][d];
            byte[] buffer = new byte[d * elementSize];
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer); // big-endian, as IDX
            for (int r = 0; r < n; r++) {
                int got = data.readNBytes(buffer, 0, buffer.length);
                consumed += got;
                if (got < buffer.length) {
                    throw cutShort(file, dims, type, expected, consumed, where);
                }
                double[] row = rows[r];
                bytes.clear();
                for (int j = 0; j < d; j++) {
                    row[j] = switch (type) {
                        case 0x08 -> buffer[j] & 0xFF;
                        case 0x09 -> buffer[j];
                        case 0x0B -> bytes.getShort(j * 2);
                        case 0x0C -> bytes.getInt(j * 4);
                        case 0x0D -> bytes.getFloat(j * 4);
                        default -> bytes.getDouble(j * 8);
                    };
                }
            }
            return new Idx(type, dims, rows);
        } catch (EOFException e) {
            throw new BadInputException(file + ": cut short: the file ends inside its header");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The file holds fewer bytes than its header declares (an interrupted download, say). */
    private static BadInputException cutShort(String file, int[] dims, int type, long expected, long actual,
                                              String where) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            shape.append(i == 0 ? "" : " × ").append(dims[i]);
        }
        return new BadInputException(file + ": cut short: its header declares " + shape + " values of type 0x"
                + Integer.toHexString(type) + ", " + expected + " bytes in all, but the file has " + actual + " bytes"
                + where);
    }
}
