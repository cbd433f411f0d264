package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are held in memory only as their bytes arrive, within one budget for the whole server: clients
 * that promise large bodies and trickle them hold only what they sent, and when the budget is taken
 * the next body waits briefly and is refused with 503, not allocated.
 */
class BodyBudgetTest {
    private static final long BUDGET = 1024 * 1024;
    ServerFixture f;
    String analyst;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture(List.of(SharedData.list("un_sc/consolidated.xml")), BUDGET);
        analyst = f.agency("aa", "analyst").getFirst();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    /** Opens a job upload that promises {@code promised} bytes and sends {@code sent} of them, then waits. */
    private Socket trickle(long promised, int sent) throws Exception {
        Socket s = new Socket("127.0.0.1", f.server.port());
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/jobs?filename=big.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + analyst
                + "\r\nContent-Type: text/csv\r\nContent-Length: " + promised + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] rows = "id,name\n".getBytes(StandardCharsets.US_ASCII);
        out.write(rows);
        byte[] filler = new byte[sent - rows.length];
        java.util.Arrays.fill(filler, (byte) 'a');
        out.write(filler);
        out.flush();
        return s;
    }

    @Test
    void promisedBytesAreNotAllocatedAndAFullBudgetRefusesWith503() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // many clients promise 60 MB each; each has sent 300 KB: only what they sent is held
            for (int i = 0; i < 3; i++) slow.add(trickle(60L * 1024 * 1024, 300 * 1024));
            Thread.sleep(500);
            assertThat(f.server.bodyBudgetAvailable()).as("room left").isLessThan((int) BUDGET / 4).isGreaterThanOrEqualTo(0);
            // the budget is taken: the next body waits, then is refused rather than allocated
            var refused = f.postRaw("/v1/screen/payment", analyst, new byte[200 * 1024], "application/xml");
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.body().get("detail").asText()).contains("too many request bodies");
        } finally {
            for (Socket s : slow) s.close();
        }
        // the slow clients are gone: their room is given back
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (f.server.bodyBudgetAvailable() < BUDGET && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(f.server.bodyBudgetAvailable()).isEqualTo((int) BUDGET);
        var screened = f.post("/v1/screen", analyst, java.util.Map.of("name", "Kim"));
        assertThat(screened.status()).isEqualTo(200);
        // the room is given back when the request ends, which may be just after its response has arrived
        deadline = System.nanoTime() + 10_000_000_000L;
        while (f.server.bodyBudgetAvailable() < BUDGET && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(f.server.bodyBudgetAvailable()).isEqualTo((int) BUDGET);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAClientError() throws Exception {
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/screen HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + analyst
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\": \"Kim\"}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("could not be read to its end");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (f.server.bodyBudgetAvailable() < BUDGET && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(f.server.bodyBudgetAvailable()).isEqualTo((int) BUDGET);
    }
}
