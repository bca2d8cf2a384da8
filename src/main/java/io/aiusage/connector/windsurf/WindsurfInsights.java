package io.aiusage.connector.windsurf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.windsurf.CascadeAnalytics.Query;
import io.aiusage.domain.CodeWritten;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.ToolUsage;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.AgentToolConnector;
import io.aiusage.domain.port.CodeWrittenConnector;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Cascade tool usage and Percent Code Written. Neither can be summed from days (tool counts come for a whole window,
 * PCW is a ratio and takes its dates from the request's timestamps only), so both are cached per period of the window
 * asked (the tool counts per whole-day window, PCW per period of the granularity asked): one call per missing period,
 * closed periods kept long like closed days.
 */
@ApplicationScoped
@RegisterForReflection(targets = { WindsurfToolUsage.class, CascadeTool.class,
        WindsurfInsights.PcwBytes.class }) // cached as JSON in Redis
class WindsurfInsights implements AgentToolConnector, CodeWrittenConnector {

    private static final Vendor WINDSURF = Vendor.WINDSURF;
    static final Dataset<List<WindsurfToolUsage>> TOOLS = Dataset.of(WINDSURF, "cascade-tool-usage",
            new TypeReference<List<WindsurfToolUsage>>() {
            }, List.of());
    static final Dataset<PcwBytes> PCW = Dataset.of(WINDSURF, "analytics-pcw", new TypeReference<PcwBytes>() {
    }, new PcwBytes(0, 0, 0, 0));

    static final String PCW_DATA = "QUERY_DATA_SOURCE_PCW_DATA";
    static final String CODEIUM_BYTES = "codeium_bytes";
    static final String USER_BYTES = "user_bytes";
    static final String BY_AUTOCOMPLETE = "codeium_bytes_by_autocomplete";
    static final String BY_COMMAND = "codeium_bytes_by_command";

    private final WindsurfClient client;
    private final VendorCache cache;

    WindsurfInsights(WindsurfClient client, VendorCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** PCW byte counts of one period. */
    record PcwBytes(long codeium, long user, long byAutocomplete, long byCommand) {
    }

    @Override
    public Vendor vendor() {
        return WINDSURF;
    }

    /** One CascadeAnalytics call per whole-day window not yet held; split entries of one tool add up. */
    @Override
    public Fetched<List<ToolUsage>> toolUsage(TimeWindow window, String localTeamId) {
        TimeWindow days = window.toWholeDays();
        return cache.periods(TOOLS, scope(localTeamId), "window", List.of(days), run -> {
            Map<TimeWindow, List<WindsurfToolUsage>> counts = new LinkedHashMap<>();
            run.forEach(period -> counts.put(period, client.cascadeAnalytics(localTeamId, period,
                    List.of(Query.CASCADE_TOOL_USAGE)).toolUsage()));
            return counts;
        }).map(byPeriod -> {
            Map<String, Long> counts = new TreeMap<>();
            byPeriod.getOrDefault(days, List.of()).forEach(use -> counts.merge(use.tool().name(), use.count(),
                    Long::sum));
            List<ToolUsage> tools = new ArrayList<>();
            counts.forEach((tool, count) -> tools.add(new ToolUsage(WINDSURF, days.from(), days.to(), tool, count)));
            return tools;
        });
    }

    /**
     * One Custom Analytics PCW query per period not yet held, the period as the request's timestamps (the only date
     * filter PCW takes), with the language and IDE as filters in Windsurf's spelling ({@code cpp} is {@code CPP}).
     */
    @Override
    public Fetched<List<CodeWritten>> codeWritten(List<TimeWindow> periods, Granularity granularity,
            String localTeamId, String language, String ide) {
        String scope = scope(localTeamId) + "|language:" + (language == null ? "*" : language) + "|ide:"
                + (ide == null ? "*" : ide);
        return cache.periods(PCW, scope, granularity.name().toLowerCase(Locale.ROOT), periods, run -> {
            Map<TimeWindow, PcwBytes> bytes = new LinkedHashMap<>();
            run.forEach(period -> bytes.put(period, pcw(localTeamId, period, language, ide)));
            return bytes;
        }).map(byPeriod -> {
            List<CodeWritten> figures = new ArrayList<>();
            byPeriod.forEach((period, b) -> figures.add(new CodeWritten(WINDSURF, period.from(), period.to(),
                    language, ide, CodeWritten.share(b.codeium(), b.user()), b.codeium(), b.user(),
                    b.byAutocomplete(), b.byCommand())));
            return figures;
        });
    }

    private PcwBytes pcw(String group, TimeWindow period, String language, String ide) {
        List<CustomAnalytics.Filter> filters = new ArrayList<>();
        if (language != null) {
            filters.add(new CustomAnalytics.Filter("language", "QUERY_FILTER_EQUAL",
                    language.replace('-', '_').toUpperCase(Locale.ROOT)));
        }
        if (ide != null) {
            filters.add(new CustomAnalytics.Filter("ide", "QUERY_FILTER_EQUAL", ide));
        }
        List<CustomAnalytics.Selection> selections = List.of(CODEIUM_BYTES, USER_BYTES, BY_AUTOCOMPLETE, BY_COMMAND)
                .stream().map(field -> new CustomAnalytics.Selection(field, field, null)).toList();
        List<Map<String, String>> items = client.analyticsItems(group, period,
                List.of(new CustomAnalytics.Query(PCW_DATA, selections, filters, List.of()))).getFirst();
        long codeium = 0;
        long user = 0;
        long byAutocomplete = 0;
        long byCommand = 0;
        for (Map<String, String> item : items) {
            codeium += AnalyticsItems.count(item, CODEIUM_BYTES);
            user += AnalyticsItems.count(item, USER_BYTES);
            byAutocomplete += AnalyticsItems.count(item, BY_AUTOCOMPLETE);
            byCommand += AnalyticsItems.count(item, BY_COMMAND);
        }
        return new PcwBytes(codeium, user, byAutocomplete, byCommand);
    }

    private static String scope(String group) {
        return group == null ? "org" : "group:" + group;
    }
}
