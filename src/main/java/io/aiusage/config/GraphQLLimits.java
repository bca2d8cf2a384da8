package io.aiusage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on one GraphQL request that graphql-java and SmallRye do not have (depth, complexity and tokens are
 * {@code quarkus.smallrye-graphql.*} keys): every alias can re-run a field that asks the vendors, and a document is
 * sent whole however few of its operations run.
 */
@ConfigMapping(prefix = "graphql")
public interface GraphQLLimits {

    /** Most aliased fields in one document ({@code a: usage(...) b: usage(...)}). */
    @WithDefault("20")
    int maxAliases();

    /** Most operations (named queries) in one document; one of them runs. */
    @WithDefault("10")
    int maxOperations();
}
