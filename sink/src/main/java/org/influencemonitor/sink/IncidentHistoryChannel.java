package org.influencemonitor.sink;

import java.util.Collection;

/**
 * A channel whose deliveries depend on the earlier events of an incident (Alertmanager must resend every
 * open incident with the labels it opened with). When a partition is assigned to it, its {@link AlertSink}
 * first replays the partition from the beginning up to the group's committed offset through
 * {@link #restore}, which rebuilds that state without delivering anything: the alerts topic itself is the
 * channel's memory, so a restarted or rebalanced sink carries on where the last owner stopped.
 */
public interface IncidentHistoryChannel extends AlertChannel {

    /** An event this channel's group has already delivered. */
    void restore(DeliveredAlert alert);

    /** These partitions went to another sink instance, which will restore them itself. */
    void forget(Collection<Integer> partitions);
}
