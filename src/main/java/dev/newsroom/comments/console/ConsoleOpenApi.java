package dev.newsroom.comments.console;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the console's pages in {@code /q/openapi}: they are Vert.x routes, not JAX-RS resources,
 * so no annotation describes them; and the session cookie as a third way to call the moderation API.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ConsoleOpenApi implements OASFilter {

    static final String SCHEME = "consoleSession";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(ConsoleCookies.SESSION)
                .description("The moderation console's session (POST /console/sign-in), accepted wherever Basic or Bearer "
                        + "is, after them: an Authorization header wins. A request with the cookie that may change "
                        + "something (any method but GET, HEAD, OPTIONS) must carry the session's token in "
                        + ConsoleSessions.CSRF_HEADER + " (the console page's meta csrf-token) and, when the browser "
                        + "sends Origin or Sec-Fetch-Site, come from the service's own origin; otherwise 403 "
                        + "problem+json. Sessions end after comments.console.idle-timeout without use (default 30 "
                        + "minutes) and comments.console.max-age after sign-in (12 hours); an ended one is 401."));
        if (openAPI.getPaths() == null) {
            openAPI.paths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem("/console/", OASFactory.createPathItem().GET(page()));
        openAPI.getPaths().addPathItem("/console/sign-in", OASFactory.createPathItem().POST(signIn()));
        openAPI.getPaths().addPathItem("/console/sign-out", OASFactory.createPathItem().POST(signOut()));
    }

    private static Operation page() {
        return OASFactory.createOperation().addTag("Console").summary("The moderation console (HTML)")
                .description("With a session cookie in force: the console page, which runs on the JSON API. Otherwise "
                        + "the sign-in form. Content-Security-Policy: " + ConsoleRoutes.CONTENT_SECURITY_POLICY
                        + "; Cache-Control: no-store.")
                .responses(responses(Map.of("200", "The console, or the sign-in form")));
    }

    private static Operation signIn() {
        return OASFactory.createOperation().addTag("Console").summary("Sign into the console")
                .description("A plain HTML form post. On success a new session: Set-Cookie " + ConsoleCookies.SESSION
                        + " (HttpOnly, SameSite=Strict, Path=/, Secure over https) and the device cookie "
                        + "comments_device (the same, Max-Age comments.console.device-cookie-max-age), and 303 to "
                        + "/console/. Password checks are those of HTTP Basic: the login throttle (per username and "
                        + "client; a browser holding a device cookie for that username is counted on its own, so "
                        + "strangers' failures do not lock it out) and the bound on concurrent bcrypt checks. Errors "
                        + "answer the form again (text/html) with a message.")
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/x-www-form-urlencoded", OASFactory.createMediaType().schema(
                                OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                        .addProperty("username", string()).addProperty("password", string())
                                        .required(java.util.List.of("username", "password"))))))
                .responses(responses(Map.of(
                        "303", "Signed in: to /console/ with the cookies",
                        "400", "Username or password missing",
                        "401", "Wrong username or password (the two are not told apart)",
                        "403", "Sent from another origin (Origin or Sec-Fetch-Site)",
                        "429", "Locked out after failed sign-ins, or too many password checks at once (Retry-After)",
                        "503", "The database is unavailable for a moment (Retry-After)")));
    }

    private static Operation signOut() {
        return OASFactory.createOperation().addTag("Console").summary("Sign out of the console")
                .description("Ends the session of the cookie and clears it. The form carries the session's CSRF token "
                        + "in field csrf.")
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/x-www-form-urlencoded", OASFactory.createMediaType().schema(
                                OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("csrf", string())))))
                .responses(responses(Map.of("303", "Signed out: to /console/?signed-out",
                        "403", "Without the session's CSRF token, or from another origin")));
    }

    private static APIResponses responses(Map<String, String> byStatus) {
        APIResponses responses = OASFactory.createAPIResponses();
        new java.util.TreeMap<>(byStatus).forEach((status, description) -> responses.addAPIResponse(status, html(description)));
        return responses;
    }

    private static APIResponse html(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("text/html", OASFactory.createMediaType().schema(string())));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
