package io.aiusage.domain;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where an add-on credit cap applies: the whole team, one group (the vendor's billing group id) or one user. Exactly
 * one. A team or group cap still limits each user separately; it is not a shared pool.
 */
public record CapScope(boolean team, String groupId, String userEmail) {

    public CapScope {
        long set = Stream.of(team ? Boolean.TRUE : null, groupId, userEmail).filter(Objects::nonNull).count();
        if (set != 1) {
            throw new IllegalArgumentException("A credit cap scope is exactly one of team, group id or user e-mail");
        }
    }

    public static CapScope ofTeam() {
        return new CapScope(true, null, null);
    }

    public static CapScope ofGroup(String groupId) {
        return new CapScope(false, groupId, null);
    }

    public static CapScope ofUser(String email) {
        return new CapScope(false, null, email);
    }

    /** True for a user's cap: that names a person, so reading it is personal data. */
    public boolean personal() {
        return userEmail != null;
    }

    /** How the audit log and cache keys name the scope: {@code team}, {@code group:<id>} or {@code user:<e-mail>}. */
    @Override
    public String toString() {
        return team ? "team" : groupId != null ? "group:" + groupId : "user:" + userEmail;
    }
}
