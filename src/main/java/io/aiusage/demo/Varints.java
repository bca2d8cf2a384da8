package io.aiusage.demo;

import java.util.Arrays;

/**
 * LEB128 variable-length integers, the compact form of the demo's activity logs ({@link WindsurfDays},
 * {@link TabnineDays}): most of their numbers are small, so a log costs a few bytes per value instead of an object
 * per row. Hand-written because it is twenty lines and no library on the class path offers it on its own.
 */
final class Varints {

    private Varints() {
    }

    /** Appends values to a growing byte array. */
    static final class Writer {
        private static final ThreadLocal<Writer> REUSED = ThreadLocal.withInitial(Writer::new);

        private byte[] bytes = new byte[4096];
        private int size;

        /** This thread's writer, emptied: logs are written one at a time, and their size is known only after. */
        static Writer reused() {
            Writer writer = REUSED.get();
            writer.size = 0;
            return writer;
        }

        /** A non-negative value in 1 to 10 bytes. */
        void put(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative value in a varint: " + value);
            }
            while ((value & ~0x7FL) != 0) {
                add((byte) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            add((byte) value);
        }

        /** Any value in exactly 8 bytes (random bits do not shrink). */
        void putFixed(long value) {
            for (int shift = 0; shift < 64; shift += 8) {
                add((byte) (value >>> shift));
            }
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }
    }

    /** Reads values back from a position of a byte array. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        long next() {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return value;
        }

        int nextInt() {
            return Math.toIntExact(next());
        }

        long nextFixed() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 8) {
                value |= (bytes[position++] & 0xFFL) << shift;
            }
            return value;
        }
    }
}
