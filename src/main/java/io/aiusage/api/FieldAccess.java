package io.aiusage.api;

import java.util.Set;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.aiusage.domain.AgentCost;
import io.aiusage.domain.Person;
import io.aiusage.domain.PersonCredits;
import io.aiusage.domain.TabnineAccount;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.WindsurfAccount;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Role-gates GraphQL fields before their resolver runs. A field whose type is a person or an account (a person,
 * a page of people, a vendor account, or a list of them) is personal data; every top-level field is at least an
 * aggregate, and every mutation field needs the admin role. A field the caller may not read resolves to null with a FORBIDDEN error naming the role it needs, and
 * the rest of the answer stays; fields below a refused one never run. Deciding by type rather than by field name
 * means a new field that returns people is gated without anyone remembering to. Hand-written because
 * {@code @RolesAllowed} on resolvers would fail the whole operation with a generic error, not null the field.
 */
final class FieldAccess extends SimplePerformantInstrumentation {

    /** Output types that identify people. */
    static final Set<String> PERSONAL_TYPES = Set.of(Person.class.getSimpleName(),
            PersonConnection.class.getSimpleName(), VendorAccount.class.getSimpleName(),
            WindsurfAccount.class.getSimpleName(), TabnineAccount.class.getSimpleName(),
            PersonCredits.class.getSimpleName(), AgentCost.class.getSimpleName());

    private final Access access;
    private final CurrentIdentityAssociation identities;

    FieldAccess(Access access, CurrentIdentityAssociation identities) {
        this.access = access;
        this.identities = identities;
    }

    /** The caller of one execution, read once on the request's thread. */
    private record Caller(SecurityIdentity identity) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        if (!access.enforced()) {
            return null;
        }
        SecurityIdentity identity = identities.getIdentity();
        // resolvers whose arguments decide what they reveal (a user's credit cap) ask through Execution.caller()
        parameters.getExecutionInput().getGraphQLContext().put(Execution.CALLER, identity);
        return new Caller(identity);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Caller caller)) {
            return fetcher;
        }
        DataFetchingEnvironment env = parameters.getEnvironment();
        Access.Data data = dataOf(env);
        if (data == null || access.allows(caller.identity(), data)) {
            return fetcher;
        }
        String field = env.getParentType() instanceof GraphQLNamedType parent && !isRoot(env)
                ? parent.getName() + "." + env.getField().getName() : env.getField().getName();
        ApiError.Forbidden forbidden = access.forbidden(data, field);
        return refused -> DataFetcherResult.newResult().data(null)
                .error(new Execution.FieldError(refused, forbidden)).build();
    }

    /** What the field reveals: null for fields below the top level that reveal nothing personal. */
    static Access.Data dataOf(DataFetchingEnvironment env) {
        if (env.getField().getName().startsWith("__")) {
            return null;
        }
        if (env.getParentType() == env.getGraphQLSchema().getMutationType()) {
            return Access.Data.ADMIN;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(env.getFieldType());
        if (type instanceof GraphQLNamedType named && PERSONAL_TYPES.contains(named.getName())) {
            return Access.Data.PERSONAL;
        }
        return isQuery(env) ? Access.Data.AGGREGATE : null;
    }

    private static boolean isQuery(DataFetchingEnvironment env) {
        return env.getParentType() == env.getGraphQLSchema().getQueryType();
    }

    private static boolean isRoot(DataFetchingEnvironment env) {
        return isQuery(env) || env.getParentType() == env.getGraphQLSchema().getMutationType();
    }
}
