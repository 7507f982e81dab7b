package dev.loopkeeper.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The characters a CSV parser may read for one row. Commons CSV holds a row whole until it ends, so a single cell of
 * an upload's 200 MB (a quote that never closes does the same) would take that much memory twice over, as chars, in
 * a node that serves everyone else too; past the limit the file is refused like any other that is not CSV. The
 * reader of the rows says when a row is read ({@link #rowRead()}); what the parser reads ahead for the next rows
 * counts toward them, a few kilobytes at most.
 */
final class CsvRowLimit extends FilterReader {

    /** A million characters: far beyond any row of a survey export, comments included. */
    static final int CHARACTERS = 1_000_000;

    private long sinceRow;

    CsvRowLimit(Reader in) {
        super(in);
    }

    /** The parser has handed over a whole row: the next one starts counting. */
    void rowRead() {
        sinceRow = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c != -1) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long read) throws IOException {
        sinceRow += read;
        if (sinceRow > CHARACTERS) {
            throw new IOException("a row is longer than " + String.format("%,d", CHARACTERS)
                    + " characters (a quote that never closes reads the rest of the file as one cell)");
        }
    }
}
