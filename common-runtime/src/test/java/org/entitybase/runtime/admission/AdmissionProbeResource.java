package org.entitybase.runtime.admission;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;

/** A write route that holds its request until the test lets it go, for AdmissionFilterTest. */
@Path("/admission-probe")
public class AdmissionProbeResource {
    static volatile CountDownLatch hold = new CountDownLatch(0);
    static final java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();

    @POST
    @Blocking
    @Produces(MediaType.TEXT_PLAIN)
    public String write(byte[] body) throws InterruptedException {
        entered.incrementAndGet();
        hold.await(30, TimeUnit.SECONDS);
        return Integer.toString(body.length);
    }
}
