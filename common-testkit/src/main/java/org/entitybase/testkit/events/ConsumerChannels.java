package org.entitybase.testkit.events;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/** A consumer's incoming channel as the tests pause and resume it. */
public final class ConsumerChannels {

    /** More copies than any service configures (their {@code concurrency}). */
    private static final int MAX_COPIES = 64;

    private ConsumerChannels() {}

    /**
     * The pausable {@code channel} (configured {@code pausable=true}). A channel with {@code concurrency} N runs as N
     * copies, {@code channel$1} to {@code channel$N}, each with its own Kafka consumer: pausing it pauses them all.
     */
    public static PausableChannel pausable(ChannelRegistry registry, String channel) {
        List<PausableChannel> copies = new ArrayList<>();
        PausableChannel single = registry.getPausable(channel);
        if (single != null) {
            copies.add(single);
        }
        for (int i = 1; i <= MAX_COPIES; i++) {
            PausableChannel copy = registry.getPausable(channel + "$" + i);
            if (copy != null) {
                copies.add(copy);
            }
        }
        if (copies.isEmpty()) {
            throw new IllegalStateException("no pausable channel " + channel + " (is it configured pausable=true?)");
        }
        return new PausableChannel() {
            @Override
            public boolean isPaused() {
                return copies.stream().allMatch(PausableChannel::isPaused);
            }

            @Override
            public void pause() {
                copies.forEach(PausableChannel::pause);
            }

            @Override
            public void resume() {
                copies.forEach(PausableChannel::resume);
            }
        };
    }
}
