package io.aiusage.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.port.AgentToolConnector;
import io.aiusage.domain.port.CodeWrittenConnector;
import io.aiusage.domain.port.VendorConnector;
import io.aiusage.domain.port.VendorConnectors;
import io.quarkus.arc.All;

/** What the vendors tell about how the assistant works: agent tool use and the share of code it wrote. */
@ApplicationScoped
public class InsightsService {

    private final VendorConnectors connectors;
    private final Map<Vendor, AgentToolConnector> tools = new EnumMap<>(Vendor.class);
    private final Map<Vendor, CodeWrittenConnector> codeWritten = new EnumMap<>(Vendor.class);
    private final Concurrently concurrently;

    public InsightsService(VendorConnectors connectors, @All List<AgentToolConnector> tools,
            @All List<CodeWrittenConnector> codeWritten, Concurrently concurrently) {
        this.connectors = connectors;
        tools.forEach(t -> this.tools.put(t.vendor(), t));
        codeWritten.forEach(c -> this.codeWritten.put(c.vendor(), c));
        this.concurrently = concurrently;
    }

    /** Agent tool counts over the window, for the organisation or one team; most used first per vendor. */
    public Outcome<List<ToolUsage>> toolUsage(TimeWindow window, Vendor vendor, String teamId) {
        Vendor scope = teamId == null ? vendor : Team.vendorOf(teamId);
        String localTeamId = teamId == null ? null : Team.localIdOf(teamId);
        Outcome<List<List<ToolUsage>>> answers = concurrently.gather(asked(scope, tools),
                c -> tools.get(c.vendor()).toolUsage(window, localTeamId));
        List<ToolUsage> all = new ArrayList<>();
        answers.value().forEach(all::addAll);
        all.sort(Comparator.comparing(ToolUsage::vendor).thenComparing(ToolUsage::count, Comparator.reverseOrder())
                .thenComparing(ToolUsage::tool));
        return answers.map(x -> List.copyOf(all));
    }

    /** The share of code written per period, optionally for one normalised language and/or IDE. */
    public Outcome<List<CodeWritten>> codeWritten(TimeWindow window, Granularity granularity, Vendor vendor,
            String teamId, String language, String ide) {
        Vendor scope = teamId == null ? vendor : Team.vendorOf(teamId);
        String localTeamId = teamId == null ? null : Team.localIdOf(teamId);
        List<TimeWindow> periods = Periods.of(window, granularity);
        String lang = language == null ? null : UsageKeys.normalise(UsageDimension.LANGUAGE, language);
        String editor = ide == null ? null : UsageKeys.normalise(UsageDimension.IDE, ide);
        Outcome<List<List<CodeWritten>>> answers = concurrently.gather(asked(scope, codeWritten),
                c -> codeWritten.get(c.vendor()).codeWritten(periods, granularity, localTeamId, lang, editor));
        List<CodeWritten> all = new ArrayList<>();
        answers.value().forEach(all::addAll);
        all.sort(Comparator.comparing(CodeWritten::from).thenComparing(CodeWritten::vendor));
        return answers.map(x -> List.copyOf(all));
    }

    private List<VendorConnector> asked(Vendor vendor, Map<Vendor, ?> having) {
        return connectors.configured(vendor).stream().filter(c -> having.containsKey(c.vendor())).toList();
    }
}
