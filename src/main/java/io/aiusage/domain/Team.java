package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;

/**
 * A vendor team. Ids are vendor-qualified ({@code TABNINE:<uuid>}, {@code WINDSURF:<group name>}) so they never
 * collide across vendors; {@link #localIdOf} gives what the vendor itself understands.
 */
@Description("A team as one vendor defines it: a Tabnine team, or a Windsurf group listed in WINDSURF_GROUPS.")
public record Team(
        @NonNull @Id @Description("Vendor-qualified id: TABNINE:<team uuid> or WINDSURF:<group name>.") String id,
        @NonNull @Description("The vendor this team lives in.") Vendor vendor,
        @Description("Display name (Tabnine team name; the Windsurf group name).") @NonNull String name,
        @Description("Members as the vendor counts them (Tabnine usersCount; Windsurf: users UserPageAnalytics "
                + "returns for the group). Null when unknown.") Integer memberCount) {

    public static final char SEPARATOR = ':';

    public static String qualify(Vendor vendor, String localId) {
        return vendor.name() + SEPARATOR + localId;
    }

    /** Vendor of a qualified id, or null when the id has no known vendor prefix. */
    public static Vendor vendorOf(String qualifiedId) {
        int i = qualifiedId == null ? -1 : qualifiedId.indexOf(SEPARATOR);
        if (i <= 0) {
            return null;
        }
        try {
            return Vendor.valueOf(qualifiedId.substring(0, i));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The local part of a qualified id. */
    public static String localIdOf(String qualifiedId) {
        return qualifiedId.substring(qualifiedId.indexOf(SEPARATOR) + 1);
    }
}
