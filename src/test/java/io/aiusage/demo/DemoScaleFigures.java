package io.aiusage.demo;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiusage.config.DemoConfig;
import io.aiusage.demo.tabnine.TabnineEmulatorResource;
import io.aiusage.demo.windsurf.WindsurfEmulatorResource;

/**
 * Prints the demo organisation's generation time and retained heap and, with {@code endpoints}, the time of the
 * heaviest emulated endpoints called in-process (answers serialised as the server would), for one organisation size.
 * Not a test (no timing belongs in one): run it by hand, one size per JVM so that the heap figure is clean:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.aiusage.demo.DemoScaleFigures 50000 endpoints
 * </pre>
 *
 * {@code -Dwarm=true} measures a second generation in the same JVM (the first pays for compiling the code),
 * {@code -Dreps=5} sets the runs per endpoint (the median is printed), {@code -DallPages=false} skips reading the
 * whole Tabnine user list.
 */
public final class DemoScaleFigures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LocalDate ANCHOR = LocalDate.of(2025, 3, 31);

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(args[0]);
        boolean endpoints = args.length > 1 && args[1].equals("endpoints");
        if (Boolean.getBoolean("warm")) {
            // a first organisation, thrown away, so that the figures are those of compiled code
            new DemoData(new FakeDemoConfig(people, ANCHOR)).organisation();
        }
        long before = usedAfterGc();
        long started = System.nanoTime();
        long startedCpu = processCpu();
        FakeDemoConfig config = new FakeDemoConfig(people, ANCHOR);
        DemoData data = new DemoData(config);
        DemoOrganisation organisation = data.organisation();
        long generated = System.nanoTime() - started;
        long generatedCpu = processCpu() - startedCpu;
        long retained = usedAfterGc() - before;
        System.out.printf("people=%d windsurfSeats=%d tabnineUsers=%d generation=%d ms wall, %d ms CPU; "
                + "retainedHeap=%d MB%n", people, organisation.windsurfSeats().size(),
                organisation.tabnineSeats().size(), generated / 1_000_000, generatedCpu / 1_000_000,
                retained / (1024 * 1024));
        if (endpoints) {
            endpoints(data, config, organisation);
        }
        System.out.println(organisation.settings());
    }

    private static void endpoints(DemoData data, DemoConfig config, DemoOrganisation organisation) {
        WindsurfEmulatorResource windsurf = new WindsurfEmulatorResource(data, new io.aiusage.demo.windsurf.WindsurfCapSettings());
        TabnineEmulatorResource tabnine = new TabnineEmulatorResource(data, config);
        String org = organisation.tabnineOrganizationId();
        String team = organisation.tabnineTeams().get(1).id();
        String user = organisation.tabnineSeats().get(organisation.tabnineSeats().size() / 2).id();
        String email = organisation.windsurfSeats().get(organisation.windsurfSeats().size() / 2).email();
        String last90 = "2025-01-01T00:00:00Z";
        String end = "2025-04-01T00:00:00Z";
        int reps = Integer.getInteger("reps", 5);
        time("windsurf UserPageAnalytics (all seats, default window)", reps,
                () -> windsurf.userPageAnalytics(body(Map.of())));
        time("windsurf Analytics USER_DATA sum by api_key,date, 90 days", reps,
                () -> windsurf.analytics(body(Map.of("start_timestamp", last90, "end_timestamp", end,
                        "query_requests", List.of(sums("QUERY_DATA_SOURCE_USER_DATA", "num_acceptances",
                                "num_lines_accepted"), sums("QUERY_DATA_SOURCE_CHAT_DATA", "num_chats_received"))))));
        time("windsurf CascadeAnalytics lines+runs+tools, 30 days", reps,
                () -> windsurf.cascadeAnalytics(body(Map.of("start_timestamp", "2025-03-01T00:00:00Z",
                        "end_timestamp", end, "query_requests", List.of(Map.of("cascade_lines", Map.of()),
                                Map.of("cascade_runs", Map.of()), Map.of("cascade_tool_usage", Map.of()))))));
        time("windsurf GetTeamCreditBalance", reps, () -> windsurf.getTeamCreditBalance(body(Map.of())));
        time("windsurf GetUsageConfig by e-mail", reps,
                () -> windsurf.getUsageConfig(body(Map.of("user_email", email))));
        time("tabnine organization/users, one page of 100", reps, () -> tabnine.users("0", "100", null, null));
        if (Boolean.parseBoolean(System.getProperty("allPages", "true"))) {
            time("tabnine organization/users, every page of 100", 1, () -> {
                List<Object> pages = new ArrayList<>();
                for (int offset = 0; offset < organisation.tabnineSeats().size(); offset += 100) {
                    pages.add(tabnine.users(Integer.toString(offset), "100", null, null));
                }
                return pages;
            });
        }
        time("tabnine organization/teams", reps, () -> tabnine.teams(null, null));
        time("tabnine team/{id}/users, one page of 100", reps, () -> tabnine.teamUsers(team, "0", "100"));
        time("tabnine organization/account-utilizations (12 months)", reps,
                () -> tabnine.accountUtilizations(null));
        time("tabnine v2 user usage, daily over 366 days", reps,
                () -> tabnine.userUsageV2(org, user, "2024-03-31T00:00:00Z", end, "daily"));
        time("tabnine v2 organization usage, all over 30 days", reps,
                () -> tabnine.organizationUsageV2(org, "2025-03-01T00:00:00Z", end, "all"));
        time("tabnine v2 organization usage, daily over 90 days", reps,
                () -> tabnine.organizationUsageV2(org, last90, end, "daily"));
        time("tabnine v1 team usage, weekly over 90 days", reps,
                () -> tabnine.teamUsageV1(org, team, last90, end, "weekly"));
        time("tabnine organization agent-usage, monthly over 90 days", reps,
                () -> tabnine.organizationAgentUsage(last90, end, "monthly"));
    }

    private static Map<String, Object> sums(String source, String... fields) {
        return Map.of("data_source", source,
                "selections", Arrays.stream(fields).map(f -> Map.of("field", f, "name", f,
                        "aggregation_function", "QUERY_AGGREGATION_SUM")).toList(),
                "filters", List.of(Map.of("name", "date", "filter", "QUERY_FILTER_GE", "value", "2025-01-01"),
                        Map.of("name", "date", "filter", "QUERY_FILTER_LESS_THAN", "value", "2025-04-01")),
                "aggregations", List.of(Map.of("field", "api_key", "name", "api_key"),
                        Map.of("field", "date", "name", "date")));
    }

    private static JsonNode body(Map<String, Object> fields) {
        JsonNode body = JSON.valueToTree(fields);
        ((ObjectNode) body).put("service_key", DemoConfig.WINDSURF_SERVICE_KEY);
        return body;
    }

    /**
     * Median of {@code reps} runs after a first run (which builds any view the endpoint keeps: its time is printed
     * too), answer serialised to JSON as the server would.
     */
    private static void time(String name, int reps, Supplier<Object> call) {
        try {
            long firstStarted = System.nanoTime();
            serialise(call.get());
            long first = System.nanoTime() - firstStarted;
            long[] times = new long[reps];
            long[] cpu = new long[reps];
            long bytes = 0;
            for (int i = 0; i < reps; i++) {
                long started = System.nanoTime();
                long startedCpu = THREADS.getCurrentThreadCpuTime();
                bytes = serialise(call.get());
                times[i] = System.nanoTime() - started;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - startedCpu;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf("  %-60s %9.1f ms wall %9.1f ms CPU %,12d bytes (first call %.1f ms)%n", name,
                    times[reps / 2] / 1e6, cpu[reps / 2] / 1e6, bytes, first / 1e6);
        } catch (Exception e) {
            System.out.printf("  %-60s failed: %s%n", name, e);
        }
    }

    private static long serialise(Object answer) throws Exception {
        if (answer instanceof StreamingOutput streaming) {
            long[] count = new long[1];
            streaming.write(new OutputStream() {
                @Override
                public void write(int b) {
                    count[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    count[0] += len;
                }
            });
            return count[0];
        }
        return JSON.writeValueAsBytes(answer).length;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
