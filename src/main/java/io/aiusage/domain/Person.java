package io.aiusage.domain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;

/** One human, merged across vendors by normalised e-mail. */
@Description("One person, merged across vendors by e-mail (trimmed, lower-cased).")
public record Person(
        @NonNull @Id @Description("The normalised e-mail (trimmed, lower-cased).") String id,
        @NonNull @Description("The normalised e-mail.") String email,
        @Description("Display name from the first vendor account that has one (Windsurf before Tabnine).") String name,
        @Description("Vendors this person holds a seat on, in enum order.") @NonNull List<@NonNull Vendor> vendors,
        @NonNull @Description("Every vendor account with this e-mail.") List<@NonNull VendorAccount> accounts,
        @Description("Latest activity over all accounts; null when never used anywhere.") Instant lastActiveAt) {

    /** Normalises an e-mail the way people are merged: trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
