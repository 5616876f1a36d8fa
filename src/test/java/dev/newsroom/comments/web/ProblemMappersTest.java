package dev.newsroom.comments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    /** What the framework throws when a client closes the connection half-way through its body. */
    @Test
    void aBodyCutOffByTheClientIsTheClientsFaultNotAnIncident() {
        RestResponse<Problem> response = mappers.unexpected(new IOException("Connection was closed"));

        assertEquals(400, response.getStatus());
        assertEquals("Incomplete request body", response.getEntity().title());
    }

    @Test
    void anythingElseUnexpectedIsA500WithAnIncident() {
        RestResponse<Problem> response = mappers.unexpected(new IllegalStateException("bug"));

        assertEquals(500, response.getStatus());
    }
}
