package io.aiusage.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import io.aiusage.demo.WindsurfSeat.Autocomplete;
import io.aiusage.demo.WindsurfSeat.Cascade;
import io.aiusage.demo.WindsurfSeat.Chat;
import io.aiusage.demo.WindsurfSeat.Command;
import io.aiusage.demo.WindsurfSeat.Day;

/**
 * One Windsurf seat's activity log, held compactly: the days as a varint tape (values, vocabulary indexes and times
 * in microseconds of their day; see {@link WindsurfDaysBuilder}) with an index of each day's date and position. As
 * objects a seat-day cost about 700 bytes, which a 50,000-person organisation cannot afford; here it costs about a
 * tenth of that. It is a {@code List<Day>} that reads a day back on access, so it answers exactly what the records
 * it was made of did.
 * <p>
 * Each day starts with a header the endpoints read without decoding the rest: its autocomplete hours, its Cascade
 * credits and when its Cascade use was. Days are in date order, so the days of a window are found by binary search.
 */
public final class WindsurfDays extends AbstractList<Day> implements RandomAccess {

    private final String apiKey;
    private final String ide;
    private final String version;
    private final int[] epochDays;
    private final int[] offsets;
    private final byte[] tape;
    private final Instant lastAutocompleteAt;
    private final Instant lastCascadeAt;
    private final Instant lastCommandAt;
    private final Instant lastActivityAt;

    WindsurfDays(String apiKey, String ide, String version, int[] epochDays, int[] offsets, byte[] tape,
            Instant lastAutocompleteAt, Instant lastCascadeAt, Instant lastCommandAt, Instant lastActivityAt) {
        this.apiKey = apiKey;
        this.ide = ide;
        this.version = version;
        this.epochDays = epochDays;
        this.offsets = offsets;
        this.tape = tape;
        this.lastAutocompleteAt = lastAutocompleteAt;
        this.lastCascadeAt = lastCascadeAt;
        this.lastCommandAt = lastCommandAt;
        this.lastActivityAt = lastActivityAt;
    }

    /**
     * The compact form of a seat's days, in date order (see {@link WindsurfDaysBuilder}). Every row carries the
     * seat's API key, IDE and version, and every day has autocomplete; anything else is a bug.
     */
    static WindsurfDays of(List<Day> days, String apiKey, String ide, String version) {
        return days instanceof WindsurfDays compact ? compact : WindsurfDaysBuilder.of(days, apiKey, ide, version);
    }

    @Override
    public int size() {
        return epochDays.length;
    }

    @Override
    public Day get(int i) {
        WindsurfDayReader decoder = decoder(i);
        decoder.next();
        decoder.next();
        long cascadeAt = decoder.next();
        Cascade cascade = cascadeAt == 0 ? null : decoder.cascade(cascadeAt - 1, true);
        return new Day(LocalDate.ofEpochDay(epochDays[i]), decoder.autocomplete(true), decoder.chats(true),
                decoder.commands(true), cascade);
    }

    /** The epoch day of day {@code i}. */
    public long epochDay(int i) {
        return epochDays[i];
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

    /** The days with autocomplete in an hour that starts in {@code [from, to)}: Windsurf's "active days". */
    public int activeDays(Instant from, Instant to) {
        int low = firstEndingAfter(from);
        int high = endStartingBefore(to);
        if (low >= high) {
            return 0;
        }
        // every day has autocomplete, and only the first and last day of the window can be partly outside it
        int inner = Math.max(0, high - low - 2);
        return inner + hasHourIn(low, from, to) + (high - 1 > low ? hasHourIn(high - 1, from, to) : 0);
    }

    /** Cascade credits (in cents) of the days whose Cascade use started in {@code [from, to)}. */
    public long promptsUsed(Instant from, Instant to) {
        long used = 0;
        for (int i = firstEndingAfter(from), end = endStartingBefore(to); i < end; i++) {
            Varints.Reader header = new Varints.Reader(tape, offsets[i]);
            header.next();
            long prompts = header.next();
            long cascadeAt = header.next();
            if (cascadeAt != 0 && Times.within(epochDays[i], cascadeAt - 1, from, to)) {
                used += prompts;
            }
        }
        return used;
    }

    /** Whether day {@code i} has Cascade use that started in {@code [from, to)}. */
    public boolean cascadeWithin(int i, Instant from, Instant to) {
        Varints.Reader header = new Varints.Reader(tape, offsets[i]);
        header.next();
        header.next();
        long cascadeAt = header.next();
        return cascadeAt != 0 && Times.within(epochDays[i], cascadeAt - 1, from, to);
    }

    /** Day {@code i}'s Cascade use, or null. */
    public Cascade cascade(int i) {
        WindsurfDayReader decoder = decoder(i);
        decoder.next();
        decoder.next();
        long cascadeAt = decoder.next();
        return cascadeAt == 0 ? null : decoder.cascade(cascadeAt - 1, true);
    }

    /** Day {@code i}'s hourly autocomplete rows. */
    public List<Autocomplete> autocomplete(int i) {
        return skipToAutocomplete(i).autocomplete(true);
    }

    /** Day {@code i}'s legacy-plugin chats. */
    public List<Chat> chats(int i) {
        WindsurfDayReader decoder = skipToAutocomplete(i);
        decoder.autocomplete(false);
        return decoder.chats(true);
    }

    /** Day {@code i}'s Commands. */
    public List<Command> commands(int i) {
        WindsurfDayReader decoder = skipToAutocomplete(i);
        decoder.autocomplete(false);
        decoder.chats(false);
        return decoder.commands(true);
    }

    Instant lastAutocompleteAt() {
        return lastAutocompleteAt;
    }

    Instant lastCascadeAt() {
        return lastCascadeAt;
    }

    Instant lastCommandAt() {
        return lastCommandAt;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** Compares the tapes when both sides are compact (the encoding is a function of the days); else as lists. */
    @Override
    public boolean equals(Object other) {
        if (other instanceof WindsurfDays that) {
            return Arrays.equals(epochDays, that.epochDays) && Arrays.equals(tape, that.tape)
                    && (epochDays.length == 0 || apiKey.equals(that.apiKey) && ide.equals(that.ide)
                            && version.equals(that.version));
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    private int hasHourIn(int i, Instant from, Instant to) {
        int hours = new Varints.Reader(tape, offsets[i]).nextInt();
        for (int hour = 0; hour < 24; hour++) {
            if ((hours & (1 << hour)) != 0 && Times.within(epochDays[i], hour * Times.MICROS_PER_HOUR, from, to)) {
                return 1;
            }
        }
        return 0;
    }

    private WindsurfDayReader decoder(int i) {
        return new WindsurfDayReader(new Varints.Reader(tape, offsets[i]), epochDays[i], apiKey, ide, version);
    }

    private WindsurfDayReader skipToAutocomplete(int i) {
        WindsurfDayReader decoder = decoder(i);
        decoder.next();
        decoder.next();
        long cascadeAt = decoder.next();
        if (cascadeAt != 0) {
            decoder.cascade(cascadeAt - 1, false);
        }
        return decoder;
    }
}
