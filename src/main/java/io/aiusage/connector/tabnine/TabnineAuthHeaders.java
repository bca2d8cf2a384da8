package io.aiusage.connector.tabnine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.aiusage.config.TabnineConfig;

/** Adds {@code Authorization: Bearer <tabnine.token>} to every Tabnine request. The token is never logged. */
@ApplicationScoped
class TabnineAuthHeaders implements ClientHeadersFactory {

    private final TabnineConfig config;

    TabnineAuthHeaders(TabnineConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        config.token().ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return headers;
    }
}
