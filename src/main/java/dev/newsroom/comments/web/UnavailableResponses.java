package dev.newsroom.comments.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents, on every operation of the API, the answer it gets while the database is unreachable:
 * 503 problem+json with {@code Retry-After} (see {@link DatabaseUnavailable}). Registered with
 * {@code mp.openapi.filter}.
 */
public class UnavailableResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The database is unreachable for a moment; nothing was changed. Retry after the "
                            + "seconds given in Retry-After.")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem")))));
        }
        return operation;
    }
}
