package netdyn.sweep;

import java.util.Map;

/**
 * One task of a sweep: its index, its grid point (an index per axis), its init and the settings
 * the point gives (axis name → value text).
 */
public record SweepTask(int index, int[] point, int init, Map<String, String> setting)
        implements java.io.Serializable {

    public SweepTask {
        point = point.clone();
        setting = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setting));
    }

    @Override
    public int[] point() {
        return point.clone();
    }

    /** Whether the task belongs to shard {@code shard} of {@code shards} (tasks are dealt round-robin). */
    public boolean inShard(int shard, int shards) {
        return index % shards == shard;
    }
}
