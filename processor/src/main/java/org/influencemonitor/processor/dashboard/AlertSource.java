package org.influencemonitor.processor.dashboard;

import java.util.List;
import java.util.function.Consumer;
import org.influencemonitor.model.Alert;

/** Where the live feed's alerts come from: the latest ones, then each new one as it is read. */
interface AlertSource {
    /** The latest alerts read, oldest first. */
    List<Alert> recent();

    /** Calls {@code listener} with every alert read from now on; the listener must not block. */
    void listen(Consumer<Alert> listener);
}
