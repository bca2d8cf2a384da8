package io.aiusage.demo.windsurf;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.demo.DemoOrganisation;

/**
 * The emulated add-on credit caps: the demo organisation's own (the team's, some groups', every 15th user's) until
 * the emulated {@code UsageConfig} sets or clears one, after which {@code GetUsageConfig} reads back what was set.
 * Scopes are {@code team}, {@code group:<id>} or {@code user:<seat index>}.
 */
@ApplicationScoped
public class WindsurfCapSettings {

    /** Add-on credit caps of the demo organisation: the team's, per group, and every 15th user's. */
    static final long TEAM_CAP = 2_000;
    static final Map<String, Long> GROUP_CAPS = Map.of("data-science", 5_000L);
    static final long USER_CAP = 300;

    private final Map<String, Optional<Long>> changed = new ConcurrentHashMap<>();

    /** The cap in force at {@code scope}, or null when none is. */
    Long cap(String scope) {
        Optional<Long> set = changed.get(scope);
        if (set != null) {
            return set.orElse(null);
        }
        if (scope.equals("team")) {
            return TEAM_CAP;
        }
        if (scope.startsWith("group:")) {
            return GROUP_CAPS.get(scope.substring("group:".length()));
        }
        return Integer.parseInt(scope.substring("user:".length())) % 15 == 0 ? USER_CAP : null;
    }

    /** {@code team}, {@code group:<id>} or {@code user:<seat index>}; 400 unless exactly one known scope is set. */
    String scope(WindsurfRequest request, DemoOrganisation organisation) {
        boolean teamLevel = request.get("team_level").asBoolean(false);
        Optional<String> groupId = request.text("group_id");
        Optional<String> userEmail = request.text("user_email");
        if ((teamLevel ? 1 : 0) + (groupId.isPresent() ? 1 : 0) + (userEmail.isPresent() ? 1 : 0) != 1) {
            throw WindsurfWire.badRequest("exactly one of team_level, group_id or user_email must be set");
        }
        if (teamLevel) {
            return "team";
        }
        if (groupId.isPresent()) {
            if (!organisation.windsurfGroups().contains(groupId.get())) {
                throw WindsurfWire.badRequest("invalid group_id: " + groupId.get());
            }
            return "group:" + groupId.get();
        }
        int seat = organisation.windsurfSeatIndexByEmail(userEmail.get())
                .orElseThrow(() -> WindsurfWire.badRequest("invalid user_email: " + userEmail.get()));
        return "user:" + seat;
    }

    /** Sets the cap at {@code scope}; null clears it. */
    void set(String scope, Long cap) {
        changed.put(scope, Optional.ofNullable(cap));
    }
}
