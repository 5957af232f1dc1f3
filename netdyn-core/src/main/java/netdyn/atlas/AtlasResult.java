package netdyn.atlas;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import netdyn.sweep.SweepResult;

/**
 * Where an atlas run ended: each part that ran, and the findings when every part finished.
 *
 * @param parts    the parts that ran, in order (the last one may have been stopped)
 * @param findings null when a part was stopped
 */
public record AtlasResult(Map<AtlasPart, SweepResult> parts, AtlasFindings findings) {

    public AtlasResult {
        parts = Collections.unmodifiableMap(parts.isEmpty() ? new EnumMap<>(AtlasPart.class) : new EnumMap<>(parts));
    }

    /** Whether a stop request ended the atlas before its last part finished. */
    public boolean stopped() {
        return findings == null;
    }

    /** The result of one part; null when it did not run. */
    public SweepResult part(AtlasPart part) {
        return parts.get(part);
    }
}
