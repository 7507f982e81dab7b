package dev.loopkeeper.sharedkernel.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadLimitTest {

    private final List<String> read = new ArrayList<>();
    private final UploadHandler reader = event -> read.add(event.getFileName());
    private final UploadLimit limit = UploadLimit.of(1_000, reader);

    private static UploadEvent upload(String name, long size) {
        return new UploadEvent(null, null, null, name, size, "text/csv", null, null, null);
    }

    @Test
    void aFileWithinTheLimitIsReadAndOneOverItOrOfUnknownSizeIsNot() throws IOException {
        limit.handleUploadRequest(upload("small.csv", 1_000));

        assertThatThrownBy(() -> limit.handleUploadRequest(upload("large.csv", 1_001)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("at most 1000 bytes");
        assertThatThrownBy(() -> limit.handleUploadRequest(upload("chunked.csv", -1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown size");
        assertThat(read).containsExactly("small.csv");
    }

    @Test
    void multipartRequestsAreHeldToTheSameLimitBeforeAnythingIsRead() {
        assertThat(limit.getFileSizeMax()).isEqualTo(1_000);
        assertThat(limit.getFileCountMax()).isEqualTo(1);
        assertThat(limit.getRequestSizeMax()).isBetween(1_000L, 1_000L + 64 * 1024);
    }
}
