package dev.newsroom.comments.captcha;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/captcha")
@Tag(name = "Readers")
class CaptchaResource {

    private final CaptchaService captcha;

    CaptchaResource(CaptchaService captcha) {
        this.captcha = captcha;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a math challenge for the comment form",
            description = "The question is `A OP B =` with operands 0–20 in digits or lower-case English words "
                    + "(at least one word) and OP one of + − ×; the answer is 0–100, accepted as digits or words "
                    + "(`five`, `twenty-one`). The token is single-use (right or wrong) and expires "
                    + "(comments.captcha.ttl, default 10 minutes). Answered with Cache-Control: no-store.")
    public RestResponse<CaptchaChallenge> issue() {
        return RestResponse.ResponseBuilder.ok(captcha.issue())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
