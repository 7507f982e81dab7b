package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.dom.DisabledUpdateMode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;

/**
 * An upload handler that takes no file over a size. The upload component's own limit is the browser's to keep, and
 * Vaadin checks sizes on the server only for multipart requests; a request sent by hand could otherwise put any
 * number of bytes into memory (the directory's and the model library's uploads are read whole) or onto the disk.
 * A file of unknown size (no Content-Length) is refused too: its size would only be known once read.
 */
public final class UploadLimit implements UploadHandler {

    private final long maxBytes;
    private final UploadHandler handler;

    private UploadLimit(long maxBytes, UploadHandler handler) {
        this.maxBytes = maxBytes;
        this.handler = handler;
    }

    /** The handler, for files of at most {@code maxBytes}. */
    public static UploadLimit of(long maxBytes, UploadHandler handler) {
        return new UploadLimit(maxBytes, handler);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        long size = event.getFileSize();
        if (size < 0 || size > maxBytes) {
            throw new IOException("An upload of " + (size < 0 ? "unknown size" : size + " bytes") + " refused: at most "
                    + maxBytes + " bytes");
        }
        handler.handleUploadRequest(event);
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        handler.responseHandled(success, response);
    }

    @Override
    public long getRequestSizeMax() {
        // the file and its multipart envelope
        return maxBytes + 64 * 1024;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    @Override
    public String getUrlPostfix() {
        return handler.getUrlPostfix();
    }

    @Override
    public boolean isAllowInert() {
        return handler.isAllowInert();
    }

    @Override
    public DisabledUpdateMode getDisabledUpdateMode() {
        return handler.getDisabledUpdateMode();
    }
}
