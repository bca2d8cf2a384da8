package io.aiusage.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.aiusage.domain.Person;

/** Cursor pagination over people ordered by id. Cursors are opaque to clients: base64 of the last person's id. */
final class Pages {

    static final int MAX_FIRST = 1000;
    private static final String PREFIX = "person:";

    private Pages() {
    }

    static PersonConnection page(List<Person> people, Integer first, String after) throws ApiError {
        int size = first == null ? 100 : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new ApiError.InvalidArgument("first must be between 0 and " + MAX_FIRST + " (got " + size
                    + "); page through larger results with `after`.", "first");
        }
        int start = 0;
        if (after != null) {
            String afterId = decode(after);
            while (start < people.size() && people.get(start).id().compareTo(afterId) <= 0) {
                start++;
            }
        }
        int end = Math.min(people.size(), start + size);
        List<Person> nodes = people.subList(start, end);
        // an empty page ends where it started, so a client can still go on from it
        String endCursor = nodes.isEmpty() ? after : encode(nodes.get(nodes.size() - 1).id());
        return new PersonConnection(people.size(), List.copyOf(nodes), new PageInfo(end < people.size(), endCursor));
    }

    static String encode(String personId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + personId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) throws ApiError {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return raw.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the client error below
        }
        throw new ApiError.InvalidArgument("after is not a cursor this API issued; pass pageInfo.endCursor of the "
                + "previous page, or omit it to start at the beginning.", "after");
    }
}
