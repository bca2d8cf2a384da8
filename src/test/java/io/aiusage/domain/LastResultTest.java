package io.aiusage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A derived result is reused only for the very same inputs, the same key, and until it says it stops holding. */
class LastResultTest {

    private static final Instant NOW = Instant.parse("2026-03-06T12:00:00Z");

    private final LastResult<List<String>> last = new LastResult<>();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void theSameInputObjectsAndKeyReuseTheResultUntilItStopsHolding() {
        List<String> rows = new ArrayList<>(List.of("a", "b"));
        List<String> first = derive(rows, "k", NOW);

        assertSame(first, derive(rows, "k", NOW.plusSeconds(59)));
        assertEquals(1, computed.get());
        // an equal list that is another object (a new fetch) is another input
        assertNotSame(first, derive(new ArrayList<>(rows), "k", NOW.plusSeconds(59)));
        assertEquals(2, computed.get());
        List<String> second = derive(rows, "k", NOW.plusSeconds(1));
        List<String> otherKey = derive(rows, "other key", NOW.plusSeconds(1));
        assertNotSame(second, otherKey);
        assertEquals(4, computed.get());
        // it holds for the minute it said (computed at +1 s: until +61 s), then it is computed again
        assertSame(otherKey, derive(rows, "other key", NOW.plusSeconds(60)));
        assertNotSame(otherKey, derive(rows, "other key", NOW.plusSeconds(61)));
        assertEquals(5, computed.get());
    }

    @Test
    void aResultThatSaysItDoesNotHoldIsNeverReused() {
        List<String> rows = List.of("a");
        last.get(List.of(rows), "k", NOW, this::compute, result -> null);
        last.get(List.of(rows), "k", NOW, this::compute, result -> null);
        assertEquals(2, computed.get());
    }

    private List<String> derive(List<String> rows, String key, Instant now) {
        return last.get(List.of(rows), key, now, this::compute, result -> now.plusSeconds(60));
    }

    private List<String> compute() {
        computed.incrementAndGet();
        return new ArrayList<>(List.of("derived"));
    }
}
