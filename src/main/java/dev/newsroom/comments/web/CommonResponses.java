package dev.newsroom.comments.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents, on every operation of the API, the answers any request may get before the operation
 * itself runs: 503 problem+json with {@code Retry-After} while the database is unreachable (see
 * {@link DatabaseUnavailable}), and 431 for headers over {@code comments.max-header-size} (see
 * {@link HttpLayerProblems}). Registered with {@code mp.openapi.filter}.
 */
public class CommonResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        if (!operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", problem("The database is unreachable for a moment; nothing "
                    + "was changed. Retry after the seconds given in Retry-After.")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        }
        if (!operation.getResponses().hasAPIResponse("431")) {
            operation.getResponses().addAPIResponse("431", problem("The request's headers are larger than "
                    + "comments.max-header-size (16 KiB in all by default); nothing was read."));
        }
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
