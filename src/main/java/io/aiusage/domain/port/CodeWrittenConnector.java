package io.aiusage.domain.port;

import java.util.List;

import io.aiusage.domain.CodeWritten;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;

/** A vendor that measures how much of the code its assistant wrote (Windsurf PCW). Optional beside {@link VendorConnector}. */
public interface CodeWrittenConnector {

    Vendor vendor();

    /**
     * One figure per period ({@code periods} of {@code granularity}, consecutive), for the organisation or a team,
     * optionally only for one normalised language and/or IDE.
     */
    Fetched<List<CodeWritten>> codeWritten(List<TimeWindow> periods, Granularity granularity, String localTeamId,
            String language, String ide);
}
