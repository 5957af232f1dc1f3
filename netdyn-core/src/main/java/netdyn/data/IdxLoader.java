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
 * flattened row-major into features; unsigned-byte images are scaled to [0, 1] by 1/255, other
 * element types (byte, short, int, float, double) are read as they are.
 */
public final class IdxLoader {
    private IdxLoader() {
    }

    public static Dataset load(String prefix) {
        Path images = find(prefix, "images", 3);
        Path labels = find(prefix, "labels", 1);
        Idx img = read(images);
        Idx lab = read(labels);
        if (lab.dims.length != 1) {
            throw new BadInputException(labels + ": a label file must have 1 dimension, found " + lab.dims.length);
        }
        int n = img.dims[0];
        if (lab.dims[0] != n) {
            throw new BadInputException(images + " holds " + n + " images but " + labels + " holds " + lab.dims[0]
                    + " labels");
        }
        int d = 1;
        for (int i = 1; i < img.dims.length; i++) {
            d *= img.dims[i];
        }
        double scale = img.type == 0x08 ? 1.0 / 255 : 1.0;
        double[][] features = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                double v = img.values[r * d + j] * scale;
                if (!Double.isFinite(v)) {
                    throw new BadInputException(images + ": image " + r + ", element " + j + " is not finite");
                }
                features[r][j] = v;
            }
        }
        String[] raw = new String[n];
        for (int r = 0; r < n; r++) {
            double v = lab.values[r];
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
        return new Dataset("idx:" + prefix, features, encoded.codes(), encoded.classNames(), names);
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

    private record Idx(int type, int[] dims, double[] values) {
    }

    private static Idx read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = raw;
            if (file.toString().endsWith(".gz")) {
                in = new GZIPInputStream(raw);
            }
            DataInputStream data = new DataInputStream(new BufferedInputStream(in));
            int magic = data.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || rank < 1) {
                throw new BadInputException(file + ": not an IDX file (magic number 0x" + Integer.toHexString(magic)
                        + ")");
            }
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                count *= dims[i];
            }
            if (count > Integer.MAX_VALUE || count < 1) {
                throw new BadInputException(file + ": unsupported size " + count);
            }
            double[] values = new double[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (type) {
                    case 0x08 -> data.readUnsignedByte();
                    case 0x09 -> data.readByte();
                    case 0x0B -> data.readShort();
                    case 0x0C -> data.readInt();
                    case 0x0D -> data.readFloat();
                    case 0x0E -> data.readDouble();
                    default -> throw new BadInputException(file + ": unknown IDX element type 0x"
                            + Integer.toHexString(type));
                };
            }
            return new Idx(type, dims, values);
        } catch (EOFException e) {
            throw new BadInputException(file + ": file ends before all values declared in its header");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
