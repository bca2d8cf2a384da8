package io.aiusage.connector.windsurf;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** GetUsageConfig takes exactly one scope; a scope naming none or two is refused before any call. */
class CreditCapScopeTest {

    @Test
    void aScopeIsExactlyOneOfTeamGroupOrUser() {
        assertThrows(IllegalArgumentException.class, () -> new CreditCapScope(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CreditCapScope(false, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CreditCapScope(true, "engineering_team", null));
        assertThrows(IllegalArgumentException.class, () -> new CreditCapScope(null, "g", "a@x.io"));
    }
}
