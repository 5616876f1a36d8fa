package dev.newsroom.comments.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's identity in {@code /q/openapi}: title, tags and the moderator credentials scheme. */
@OpenAPIDefinition(
        info = @Info(title = "Comment service", version = "1.0", description = """
                Reader comments for news articles (contract: API.md v1). Readers fetch a math captcha and \
                post comments, which wait in a moderation queue; moderators decide; the news site reads \
                approved comments. Every error is application/problem+json (RFC 9457) with `violations` \
                naming the fields at fault; errors never repeat a submitted value. Emails are never \
                published and never travel in URLs."""),
        tags = {
                @Tag(name = "Readers", description = "Captcha, comment submission and published comments (no authentication)."),
                @Tag(name = "Moderation", description = "The moderation queue and decisions (role moderator or admin)."),
                @Tag(name = "Administration", description = "Accounts (role admin)."),
        })
@SecurityScheme(securitySchemeName = OpenApiDefinition.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Moderator username and password, bcrypt-verified on every request (slow by design: for "
                + "people). 10 failed logins of a username from one client within 15 minutes lock that client out of "
                + "it for 15 minutes (429); 100 from any clients lock out every client but the browsers that signed "
                + "into the console as that username before (their device cookie).")
@SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token from POST /moderation/tokens: verified in microseconds, for tools.")
@ApplicationPath("/api/v1")
public class OpenApiDefinition extends Application {

    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";
}
