package io.aiusage.domain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;

/**
 * One seat on one vendor. Each accessor carries {@code @Name}: SmallRye GraphQL does not see record-style accessors
 * of an interface otherwise (the schema then fails with "type VendorAccount not found").
 */
@Interface
@Name("VendorAccount")
@Description("One seat (account) on one vendor. Fields common to every vendor; vendor-specific fields are on "
        + "WindsurfAccount and TabnineAccount (use an inline fragment).")
public interface VendorAccount {

    @Name("vendor")
    @Description("The vendor holding this account.")
    @NonNull
    Vendor vendor();

    @Id
    @Name("accountId")
    @Description("The vendor's own id for the account: Tabnine user UUID; Windsurf hashed API key (apiKey), or the "
            + "e-mail when Windsurf gives none.")
    @NonNull
    String accountId();

    @Name("email")
    @Description("E-mail as the vendor stores it (people are merged on its trimmed, lower-cased form).")
    @NonNull
    String email();

    @Name("name")
    @Description("Display name (Windsurf name; Tabnine username).")
    String name();

    @Name("role")
    @Description("Role as the vendor reports it (Windsurf role, free text; Tabnine Member|TeamLead|Manager|Admin).")
    String role();

    @Name("status")
    @Description("Seat status. ACTIVE/IDLE use a 30-day idle threshold here; seats(idleAfterDays:) re-derives it.")
    @NonNull
    SeatStatus status();

    @Name("lastActiveAt")
    @Description("Latest activity of any kind known for this account; null when never used.")
    Instant lastActiveAt();

    @Name("teams")
    @Description("Teams this account belongs to on its vendor.")
    @NonNull
    List<@NonNull Team> teams();
}
