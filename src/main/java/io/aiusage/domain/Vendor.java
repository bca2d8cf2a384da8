package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;

/** The AI coding assistants this gateway reads. A third vendor is a new constant plus a {@code VendorConnector}. */
@Description("An AI coding assistant vendor whose admin/usage API this gateway reads.")
public enum Vendor {
    @Description("Windsurf (formerly Codeium), read through its Analytics API v1 (server.codeium.com).")
    WINDSURF,
    @Description("Tabnine Enterprise, read through its organization, team, user and usage APIs.")
    TABNINE
}
