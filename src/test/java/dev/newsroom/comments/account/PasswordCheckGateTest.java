package dev.newsroom.comments.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Password checks past the bound are refused at once, without running them. */
class PasswordCheckGateTest {

    @Test
    void aCheckThatWaitsTooLongIsRefusedAndTheNextOneRuns() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.check(() -> {
            running.countDown();
            try {
                return finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));

        boolean[] ran = { false };
        var refused = assertThrows(PasswordCheckGate.PasswordChecksBusyException.class, () -> gate.check(() -> ran[0] = true));
        assertEquals(429, refused.status());
        assertTrue(refused.retryAfter().isPresent());
        assertEquals(false, ran[0], "the refused check (it waited its second) did not hash anything");

        finish.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(gate.check(() -> true), "a permit is free again");
    }

    @Test
    void aLoginWaitsBrieflyForAFreeCheckRatherThanBeingRefused() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.check(() -> {
            running.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(gate.check(() -> true), "ran once the first check was done");
        assertTrue(first.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThrows(IllegalStateException.class, () -> new PasswordCheckGate(0));
    }
}
