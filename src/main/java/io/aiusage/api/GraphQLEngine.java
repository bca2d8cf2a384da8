package io.aiusage.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.aiusage.config.GraphQLLimits;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Adds the service's instrumentations to the GraphQL engine SmallRye builds. SmallRye fires its builder as an event
 * with its own instrumentation already set (the depth and complexity limits of
 * {@code quarkus.smallrye-graphql.instrumentation-*} and its query cache); setting another would replace them, so
 * they are read back from a throw-away build and chained, in this order: the request deadline of
 * {@link ExecutionDeadline} (started before anything else runs), request limits, SmallRye's, field access, the error
 * reporter of {@link Execution}, the request-error mark of {@link RequestErrors}.
 */
@ApplicationScoped
public class GraphQLEngine {

    private final GraphQLLimits limits;
    private final Access access;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest requests;
    private final ExecutionDeadline deadline;

    public GraphQLEngine(GraphQLLimits limits, Access access, CurrentIdentityAssociation identities,
            CurrentVertxRequest requests, ExecutionDeadline deadline) {
        this.limits = limits;
        this.access = access;
        this.identities = identities;
        this.requests = requests;
        this.deadline = deadline;
    }

    void install(@Observes GraphQL.Builder builder) {
        Instrumentation smallrye = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(deadline.starter(), new RequestLimits(limits), smallrye,
                new FieldAccess(access, identities), new Execution.Reporter(), new RequestErrors(requests))));
    }
}
