package org.splicecbm.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;

/** One partition per shard of a wave, so that each task computes and commits exactly one shard. */
final class ShardPartitioner extends Partitioner {
    private final Map<Integer, Integer> partitionOf = new HashMap<>();

    ShardPartitioner(List<Integer> shards) {
        for (int i = 0; i < shards.size(); i++) {
            partitionOf.put(shards.get(i), i);
        }
    }

    @Override
    public int numPartitions() {
        return partitionOf.size();
    }

    @Override
    public int getPartition(Object shard) {
        return partitionOf.get((Integer) shard);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardPartitioner p && p.partitionOf.equals(partitionOf);
    }

    @Override
    public int hashCode() {
        return partitionOf.hashCode();
    }
}
