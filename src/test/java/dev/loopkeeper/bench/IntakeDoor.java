package dev.loopkeeper.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * How a response enters the app over HTTP: Loopkeeper's intake API with its key, or the engine's own REST API
 * starting the same process, as any Camunda client would (basic auth as a process owner).
 */
record IntakeDoor(String name, URI uri, String headerName, String headerValue, int expectedStatus, boolean intakeJson) {

    static IntakeDoor intakeApi(int port) {
        return new IntakeDoor(
                "POST /api/responses",
                URI.create("http://localhost:" + port + "/api/responses"),
                "X-Api-Key",
                "demo-intake-key",
                201,
                true);
    }

    static IntakeDoor engineRest(int port) {
        return new IntakeDoor(
                "POST /engine-rest/.../closed-loop/start",
                URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/closed-loop/start"),
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8)),
                200,
                false);
    }

    static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpRequest request(NpsResponses responses, NpsResponses.Response response) {
        String body = intakeJson ? responses.intakeJson(response) : responses.processStartJson(response);
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Sends and answers whether the response is stored and its case started. */
    boolean send(HttpClient client, NpsResponses responses, NpsResponses.Response response) throws Exception {
        HttpResponse<String> answer = client.send(request(responses, response), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == expectedStatus;
    }

    CompletableFuture<Boolean> sendAsync(HttpClient client, NpsResponses responses, NpsResponses.Response response) {
        return client.sendAsync(request(responses, response), HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> answer.statusCode() == expectedStatus);
    }
}
