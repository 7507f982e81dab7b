package dev.loopkeeper.outreach.sms;

import dev.loopkeeper.outreach.SmsGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A provider with a plain JSON API: {@code POST <url>} with {@code {"to", "text", "reference"}}, a bearer
 * token, and the reference again as {@code Idempotency-Key} for providers that deduplicate retries.
 * Any 2xx means accepted.
 */
class HttpSmsGateway implements SmsGateway {

    private final RestClient http;

    HttpSmsGateway(RestClient.Builder builder, URI url, String token, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = builder.clone()
                .baseUrl(url.toString())
                .requestFactory(requests)
                .defaultHeaders(headers -> {
                    if (token != null && !token.isBlank()) {
                        headers.setBearerAuth(token);
                    }
                })
                .build();
    }

    @Override
    public void send(String phone, String text, String reference) {
        http.post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", reference)
                .body(Map.of("to", phone, "text", text, "reference", reference))
                .retrieve()
                .toBodilessEntity();
    }

    @Override
    public String toString() {
        return "HTTP SMS gateway";
    }
}
