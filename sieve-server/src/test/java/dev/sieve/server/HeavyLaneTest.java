package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Large screenings take turns, and a crafted payment's free text is screened within a bound, then held. */
class HeavyLaneTest {
    @Test
    void aLargeScreeningWaitsForItsTurnAndIsRefusedWhenNoneComes() throws Exception {
        HeavyLane lane = new HeavyLane(1, 200);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> lane.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        assertThatThrownBy(() -> lane.run(() -> "second")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
        release.countDown();
        first.join();
        assertThat(lane.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void aPaymentWithAFloodOfFreeTextIsScreenedWithinTheBoundAndHeldForReview() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String analyst = f.agency("aa", "analyst").getFirst();
            String flood = String.join(" ", Collections.nCopies(300, "MOHAMMED ALI HASSAN KHAN"));
            StringBuilder ustrd = new StringBuilder();
            for (int i = 0; i < 20; i++) ustrd.append("<Ustrd>").append(flood, 0, 139).append("</Ustrd>");
            String message = Files.readString(SharedData.root().resolve(
                            "data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"))
                    .replaceFirst("(?s)<RmtInf>.*?</RmtInf>", "<RmtInf>" + ustrd + "</RmtInf>");
            var plain = f.postRaw("/v1/screen/payment", analyst, Files.readAllBytes(SharedData.root().resolve(
                    "data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")), "application/xml");
            assertThat(plain.status()).as("plain: %s", plain.text()).isEqualTo(200);
            var r = f.postRaw("/v1/screen/payment", analyst, message.getBytes(StandardCharsets.UTF_8), "application/xml");
            assertThat(r.status()).as("body: %s", r.text() + " / " + r.headers().map()).isEqualTo(200);
            var payment = r.body().get("payments").get(0);
            // never passed as clear: what was screened may hit, the rest is for a person to review
            assertThat(payment.get("verdict").asText()).isIn("hit", "could_not_screen");
            assertThat(payment.get("problem").asText()).contains("free text of").contains("review");
        }
    }
}
