package netdyn.cli.report;

import java.util.Locale;

/**
 * A perceptually uniform sequential colormap close to viridis (dark blue-violet → green → yellow), linear
 * interpolation in sRGB between nine anchors sampled evenly from it. Package-private.
 */
final class Colormap {

    static final String[] ANCHORS = {"#440154", "#472c7a", "#3b518b", "#2c718e", "#21908d", "#27ad81", "#5cc863",
        "#aadc32", "#fde725"};

    private Colormap() {
    }

    /** The colour at {@code t} ∈ [0, 1] (clamped) as "#rrggbb". */
    static String at(double t) {
        double u = Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(u));
        double f = u - i;
        int a = Integer.parseInt(ANCHORS[i].substring(1), 16);
        int b = Integer.parseInt(ANCHORS[i + 1].substring(1), 16);
        int r = mix(a >> 16, b >> 16, f);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + f * (b - a));
    }
}
