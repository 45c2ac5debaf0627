package org.influencemonitor.app.chaos;

/**
 * What a scenario does to the running pipeline. {@link #beforeLine} is called before each line of the
 * replay is written to ingest, so a fault lands at a known point of the input; {@link #afterIngest} once
 * ingest has exited, before the closing clock tick.
 */
interface FaultPlan {
    FaultPlan NONE = new FaultPlan() {
    };

    /** Whether the processor runs from the start (otherwise the plan starts it). */
    default boolean processorFromStart() {
        return true;
    }

    default void beforeLine(int index, PipelineRun run) {
    }

    default void afterIngest(PipelineRun run) {
    }
}
