package io.aiusage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.aiusage.domain.Person;

class PagesTest {

    static final List<Person> PEOPLE = IntStream.range(0, 5)
            .mapToObj(i -> new Person("p" + i + "@x.io", "p" + i + "@x.io", null, List.of(), List.of(), null))
            .toList();

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() throws ApiError {
        PersonConnection first = Pages.page(PEOPLE, 2, null);
        assertEquals(List.of("p0@x.io", "p1@x.io"), first.nodes().stream().map(Person::id).toList());
        assertTrue(first.pageInfo().hasNextPage());
        assertEquals(5, first.totalCount());
        PersonConnection second = Pages.page(PEOPLE, 2, first.pageInfo().endCursor());
        assertEquals(List.of("p2@x.io", "p3@x.io"), second.nodes().stream().map(Person::id).toList());
        PersonConnection last = Pages.page(PEOPLE, 2, second.pageInfo().endCursor());
        assertEquals(List.of("p4@x.io"), last.nodes().stream().map(Person::id).toList());
        assertFalse(last.pageInfo().hasNextPage());
    }

    @Test
    void cursorsAreOpaqueAndAnEmptyPageHasNone() throws ApiError {
        String cursor = Pages.page(PEOPLE, 1, null).pageInfo().endCursor();
        assertFalse(cursor.contains("@"), "cursor must not expose the e-mail in clear text");
        assertNull(Pages.page(PEOPLE, 0, null).pageInfo().endCursor());
        assertEquals(cursor, Pages.page(PEOPLE, 0, cursor).pageInfo().endCursor(),
                "an empty page keeps the cursor it was asked with, so paging can go on");
    }

    @Test
    void badCursorAndPageSizeNameTheArgument() {
        ApiError bad = assertThrows(ApiError.class, () -> Pages.page(PEOPLE, 2, "not-a-cursor"));
        assertEquals("after", bad.argument());
        ApiError tooBig = assertThrows(ApiError.class, () -> Pages.page(PEOPLE, 1001, null));
        assertEquals("first", tooBig.argument());
    }
}
