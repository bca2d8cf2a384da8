package io.aiusage.demo.tabnine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.TabnineSeat;
import io.aiusage.demo.TabnineTeam;

/**
 * The organisation's Tabnine teams and users as the list endpoints serve them, worked out once per organisation:
 * each team's wire form (with its size) and seat counts, and the user list under each combination of the
 * {@code teamMember} and {@code active} filters. A page of users then costs what it holds.
 */
final class TabnineDirectory {

    private static final Object KEY = TabnineDirectory.class;
    /** A filter is unset, true or false. */
    private static final List<Boolean> FILTER_VALUES = Arrays.asList(null, Boolean.TRUE, Boolean.FALSE);

    private final List<TabnineWire.Team> teams = new ArrayList<>();
    private final Map<String, TabnineWire.Team> teamsById = new HashMap<>();
    private final Map<String, TabnineWire.TeamUtilization> utilizations = new HashMap<>();
    private final List<List<TabnineSeat>> filtered = new ArrayList<>();

    private TabnineDirectory(DemoOrganisation organisation) {
        for (TabnineTeam team : organisation.tabnineTeams()) {
            List<TabnineSeat> members = organisation.tabnineTeamMembers(team.id());
            TabnineWire.Team wire = new TabnineWire.Team(team.id(), team.name(),
                    organisation.tabnineOrganizationId(), team.syncedGroupId(), members.size(), team.defaultTeam());
            teams.add(wire);
            teamsById.putIfAbsent(team.id(), wire);
            // registered = verified and active; deactivated = not active; invited = not verified
            utilizations.put(team.id(), new TabnineWire.TeamUtilization(
                    (int) members.stream().filter(seat -> seat.verified() && seat.active()).count(),
                    (int) members.stream().filter(seat -> !seat.active()).count(),
                    (int) members.stream().filter(seat -> !seat.verified()).count()));
        }
        for (Boolean inTeam : FILTER_VALUES) {
            for (Boolean active : FILTER_VALUES) {
                filtered.add(organisation.tabnineSeats().stream()
                        .filter(seat -> inTeam == null || inTeam == (seat.teamId() != null))
                        .filter(seat -> active == null || active == seat.active()).toList());
            }
        }
    }

    static TabnineDirectory of(DemoOrganisation organisation) {
        return organisation.view(KEY, TabnineDirectory::new);
    }

    /** The teams in the organisation's order. */
    List<TabnineWire.Team> teams() {
        return teams;
    }

    TabnineWire.TeamUtilization utilization(String teamId) {
        return utilizations.get(teamId);
    }

    /** The users in the given team filter (null: any) and with the given {@code active} flag (null: any). */
    List<TabnineSeat> users(Boolean inTeam, Boolean active) {
        return filtered.get(FILTER_VALUES.indexOf(inTeam) * FILTER_VALUES.size() + FILTER_VALUES.indexOf(active));
    }

    /** A user as the user lists show it, with the wire form of its team. */
    TabnineWire.User user(TabnineSeat seat) {
        TabnineWire.Team team = seat.teamId() == null ? null : teamsById.get(seat.teamId());
        return new TabnineWire.User(seat.id(), seat.username(), seat.email(), seat.role(), seat.verified(),
                seat.active(), team, team == null ? List.of() : List.of(team),
                seat.deactivatedAt() == null ? null : seat.deactivatedAt().toString(), seat.updatedAt().toString());
    }
}
