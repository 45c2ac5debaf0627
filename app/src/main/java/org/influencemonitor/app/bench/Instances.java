package org.influencemonitor.app.bench;

import java.util.List;

/** The running instances of one {@link StreamsJob}: checked for life together, measured together, stopped together. */
record Instances(List<ChildJvm> children) implements AutoCloseable {

    void requireAlive(String during) {
        children.forEach(child -> child.requireAlive(during));
    }

    /** Per instance: the largest heap and the largest peak RSS among them. */
    ChildJvm.Memory memory() {
        return ChildJvm.Memory.maxOf(children.stream().map(ChildJvm::memory).toList());
    }

    @Override
    public void close() {
        children.parallelStream().forEach(ChildJvm::close);
    }
}
