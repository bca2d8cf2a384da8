package io.aiusage.demo;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /demo/calls}: the calls each emulated endpoint received ({@link EmulatorCalls}). Served only in demo mode,
 * like every {@code /demo} path ({@link EmulatorGate}); it holds counts and route names, nothing else.
 */
@Path("/demo/calls")
@Produces(MediaType.APPLICATION_JSON)
public class EmulatorCallsResource {

    private final EmulatorCalls calls;

    public EmulatorCallsResource(EmulatorCalls calls) {
        this.calls = calls;
    }

    @GET
    public EmulatorCalls.Counts counts() {
        return calls.counts();
    }

    /** Resets the counts and answers the ones it cleared, so a benchmark reads and resets in one call. */
    @DELETE
    public EmulatorCalls.Counts reset() {
        return calls.reset();
    }
}
