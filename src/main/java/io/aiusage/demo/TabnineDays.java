package io.aiusage.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import io.aiusage.demo.TabnineSeat.Day;
import io.aiusage.demo.TabnineSeat.ModelUse;

/**
 * One Tabnine user's activity log, held compactly (see {@link WindsurfDays} for why): the days as a varint tape with
 * an index of each day's date and position, read back into {@link Day} records on access. Days are in date order,
 * each with its moment first, so the days of a window are found by binary search.
 */
public final class TabnineDays extends AbstractList<Day> implements RandomAccess {

    private static final List<TabnineModel> MODELS = List.of(TabnineModel.values());

    private final int[] epochDays;
    private final int[] offsets;
    private final byte[] tape;

    private TabnineDays(int[] epochDays, int[] offsets, byte[] tape) {
        this.epochDays = epochDays;
        this.offsets = offsets;
        this.tape = tape;
    }

    /** The compact form of a user's days, in date order, each day's moment inside its date. */
    static TabnineDays of(List<Day> days) {
        if (days instanceof TabnineDays compact) {
            return compact;
        }
        Builder builder = new Builder();
        days.forEach(builder::add);
        return builder.build();
    }

    /** Writes a user's days one at a time, so the generator keeps no list of them. */
    static final class Builder {
        private final Varints.Writer tape = Varints.Writer.reused();
        private int[] epochDays = new int[64];
        private int[] offsets = new int[64];
        private int size;

        /** Adds the next day, in date order. */
        void add(Day day) {
            int epochDay = Math.toIntExact(day.date().toEpochDay());
            if (size > 0 && epochDay <= epochDays[size - 1]) {
                throw new IllegalArgumentException("days out of date order: " + day.date());
            }
            if (size == epochDays.length) {
                epochDays = Arrays.copyOf(epochDays, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            epochDays[size] = epochDay;
            offsets[size] = tape.size();
            size++;
            tape.put(Times.microsOfDay(day.at(), epochDay));
            tape.put(day.completions());
            tape.put(day.completionLines());
            tape.put(day.charsCompleted());
            tape.put(day.keystrokes());
            tape.put(day.chatMessages());
            tape.put(day.usefulChatMessages());
            tape.put(day.chatLinesAdded());
            tape.put(day.instructAccepted());
            tape.put(day.agentMessages());
            tape.put(day.agentLinesAdded());
            tape.put(day.agentLinesAddedAccepted());
            tape.put(day.agentLinesRemoved());
            tape.put(day.agentLinesRemovedAccepted());
            models(tape, day.chatModels());
            models(tape, day.agentModels());
        }

        TabnineDays build() {
            return new TabnineDays(Arrays.copyOf(epochDays, size), Arrays.copyOf(offsets, size), tape.toArray());
        }
    }

    @Override
    public int size() {
        return epochDays.length;
    }

    @Override
    public Day get(int i) {
        Varints.Reader reader = new Varints.Reader(tape, offsets[i]);
        Instant at = Times.instant(epochDays[i], reader.next());
        return new Day(LocalDate.ofEpochDay(epochDays[i]), at, reader.next(), reader.next(), reader.next(),
                reader.next(), reader.next(), reader.next(), reader.next(), reader.next(), reader.next(),
                reader.next(), reader.next(), reader.next(), reader.next(), models(reader), models(reader));
    }

    /** A model's use on a day, as {@link #read} hands it over; {@code model} is the {@link TabnineModel} ordinal. */
    public interface ModelUses {
        void use(boolean agent, int model, long messages, long inputTokens, long outputTokens);
    }

    /**
     * Day {@code i}'s figures without building its record (for aggregates over many days): its 13 counts, in the
     * order of {@link Day}'s components from {@code completions}, into {@code counts}, and each model use to
     * {@code models}, chat before agent.
     */
    public void read(int i, long[] counts, ModelUses models) {
        Varints.Reader reader = new Varints.Reader(tape, offsets[i]);
        reader.next();
        for (int count = 0; count < 13; count++) {
            counts[count] = reader.next();
        }
        for (int kind = 0; kind < 2; kind++) {
            for (int uses = reader.nextInt(); uses > 0; uses--) {
                models.use(kind == 1, reader.nextInt(), reader.next(), reader.next(), reader.next());
            }
        }
    }

    /** The epoch day of day {@code i}. */
    public long epochDay(int i) {
        return epochDays[i];
    }

    /** When day {@code i}'s activity happened, read without decoding the day. */
    public Instant at(int i) {
        return Times.instant(epochDays[i], new Varints.Reader(tape, offsets[i]).next());
    }

    /** Whether day {@code i}'s activity happened in {@code [from, to)}. */
    public boolean within(int i, Instant from, Instant to) {
        return Times.within(epochDays[i], new Varints.Reader(tape, offsets[i]).next(), from, to);
    }

    /** The index of the first day on or after {@code epochDay} ({@link #size()} if none). */
    public int firstOnOrAfter(long epochDay) {
        return Times.firstOnOrAfter(epochDays, epochDay);
    }

    /** The index of the first day that ends after {@code from}. */
    public int firstEndingAfter(Instant from) {
        return Times.firstEndingAfter(epochDays, from);
    }

    /** The index after the last day that starts before {@code to}. */
    public int endStartingBefore(Instant to) {
        return Times.endStartingBefore(epochDays, to);
    }

    /** Whether any day's activity happened in {@code [from, to)}. */
    public boolean activeIn(Instant from, Instant to) {
        for (int i = firstEndingAfter(from), end = endStartingBefore(to); i < end; i++) {
            if (within(i, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** Compares the tapes when both sides are compact (the encoding is a function of the days); else as lists. */
    @Override
    public boolean equals(Object other) {
        if (other instanceof TabnineDays that) {
            return Arrays.equals(epochDays, that.epochDays) && Arrays.equals(tape, that.tape);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    private static void models(Varints.Writer tape, List<ModelUse> uses) {
        tape.put(uses.size());
        for (ModelUse use : uses) {
            tape.put(use.model().ordinal());
            tape.put(use.messages());
            tape.put(use.inputTokens());
            tape.put(use.outputTokens());
        }
    }

    private static List<ModelUse> models(Varints.Reader reader) {
        ModelUse[] uses = new ModelUse[reader.nextInt()];
        for (int i = 0; i < uses.length; i++) {
            uses[i] = new ModelUse(MODELS.get(reader.nextInt()), reader.next(), reader.next(), reader.next());
        }
        return List.of(uses);
    }
}
