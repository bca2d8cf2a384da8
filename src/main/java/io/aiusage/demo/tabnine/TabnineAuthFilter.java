package io.aiusage.demo.tabnine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aiusage.config.DemoConfig;

/** Tabnine authenticates each call by {@code Authorization: Bearer <token>}; anything else: 401 in its envelope. */
public class TabnineAuthFilter {

    private static final byte[] EXPECTED = ("Bearer " + DemoConfig.TABNINE_TOKEN).getBytes(StandardCharsets.UTF_8);

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/demo/tabnine/")) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && MessageDigest.isEqual(EXPECTED, authorization.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return TabnineWire.errorResponse(Response.Status.UNAUTHORIZED, "UNAUTHORIZED", "Invalid or missing token");
    }
}
