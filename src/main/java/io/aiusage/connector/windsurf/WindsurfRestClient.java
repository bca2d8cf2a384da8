package io.aiusage.connector.windsurf;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;

/**
 * Windsurf Analytics API v1. Every call is a POST whose JSON body carries the service key; only {@link WindsurfClient}
 * uses this interface.
 */
@RegisterRestClient(configKey = "windsurf")
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface WindsurfRestClient {

    @POST
    @Path("/UserPageAnalytics")
    UserPageAnalytics.Response userPageAnalytics(UserPageAnalytics.Request request);

    @POST
    @Path("/CascadeAnalytics")
    CascadeAnalytics.Response cascadeAnalytics(CascadeAnalytics.Request request);

    @POST
    @Path("/Analytics")
    CustomAnalytics.Response analytics(CustomAnalytics.Request request);

    /** The same endpoint read as plain items, for queries whose aliases vary (see {@link AnalyticsItems}). */
    @POST
    @Path("/Analytics")
    AnalyticsItems.Response analyticsItems(CustomAnalytics.Request request);

    @POST
    @Path("/GetTeamCreditBalance")
    WindsurfCreditBalance teamCreditBalance(Billing.BalanceRequest request);

    @POST
    @Path("/GetUsageConfig")
    Billing.CapResponse usageConfig(Billing.CapRequest request);

    /** Sets or clears a cap (Billing Write); 200 with an empty body on success. */
    @POST
    @Path("/UsageConfig")
    void setUsageConfig(Billing.SetCapRequest request);

    /**
     * Windsurf's JSON is protobuf-JSON: int64 values arrive as strings, zero, false and empty values are left out, and
     * enums grow. All of that is absorbed here, for this client only.
     */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        ObjectMapper mapper = defaultObjectMapper.copy()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // an explicit null number or boolean reads as 0 / false, like an absent one
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                // requests: RFC 3339 timestamps, optional members left out
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        // an omitted repeated field is an empty list
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }
}
