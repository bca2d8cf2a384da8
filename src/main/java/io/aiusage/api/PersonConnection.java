package io.aiusage.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.aiusage.domain.Person;

/** One page of people. */
@Description("One page of people, ordered by e-mail.")
public record PersonConnection(
        @Description("People matching the filters, over all pages.") int totalCount,
        @NonNull @Description("The people on this page.") List<@NonNull Person> nodes,
        @NonNull @Description("Where this page ends.") PageInfo pageInfo) {
}
