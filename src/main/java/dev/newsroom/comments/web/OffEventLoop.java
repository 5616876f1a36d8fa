package dev.newsroom.comments.web;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * For endpoints that answer from memory on the I/O thread when they can: the rest of the work
 * (database, transactions) runs on a worker thread, with the request's context.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static <T> Uni<T> call(Supplier<T> blockingWork) {
        return Uni.createFrom().item(blockingWork).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
