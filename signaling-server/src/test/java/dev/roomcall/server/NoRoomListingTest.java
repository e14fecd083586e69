package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rooms are found by their code only: nothing on the server lists them or says which exist. */
class NoRoomListingTest extends ServerTestSupport {

    private static final String ROOM = "q7wd-3kfz-9hmxa";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noPathListsRoomsOrTellsWhetherOneExists() throws Exception {
        start();
        joinedRoomcall("/" + ROOM);

        for (String path : new String[] {"/rooms", "/rooms/", "/api/rooms", "/rooms.json", "/status", "/stats",
                "/metrics", "/admin", "/debug", "/default", "/.well-known/rooms"}) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains(ROOM), path + " names the room: " + response.body());
        }
    }

    @Test
    void anExistingRoomAndAnUnknownOneAnswerAPlainGetTheSame() throws Exception {
        start();
        joinedRoomcall("/" + ROOM);

        HttpResponse<String> existing = get("/" + ROOM);
        HttpResponse<String> unknown = get("/zzzz-zzzz-zzzzz");

        assertEquals(unknown.statusCode(), existing.statusCode());
        assertEquals(unknown.body().replace("zzzz-zzzz-zzzzz", ROOM), existing.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.httpUri().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
