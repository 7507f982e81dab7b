package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The rows of a CSV file as responses, one at a time (a file of any size is never in memory whole). Apache Commons CSV
 * reads it: RFC 4180 quoting, line breaks inside quoted comments, a UTF-8 or UTF-16 byte-order mark, and a semicolon as the
 * separator when the header has more of those than commas (spreadsheets set to a European locale). Each row becomes a
 * {@link ResponseSubmission} and is checked like one that came over the API.
 */
final class CsvRows implements AutoCloseable, Iterator<CsvRows.Row> {

    /**
     * One row: its line in the file as a spreadsheet numbers it (the header is line 1), and either the response or
     * what is wrong with it (the field named by its column).
     */
    record Row(int line, ResponseSubmission submission, List<FieldProblem> problems) {

        boolean valid() {
            return submission != null;
        }
    }

    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSSSSS][.SSS]")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final CSVParser parser;
    private final CsvRowLimit rowLimit;
    private final Iterator<CSVRecord> records;
    private final String source;
    private final ColumnMapping mapping;
    private final ApiInput input;
    private final Map<String, String> columnOfField = new HashMap<>();
    private int line = 1;

    private CsvRows(Parsed parsed, String source, ColumnMapping mapping, ApiInput input) {
        this.parser = parsed.parser();
        this.rowLimit = parsed.rowLimit();
        this.records = parser.iterator();
        this.source = source;
        this.mapping = mapping;
        this.input = input;
        mapping.columns().forEach((field, column) -> columnOfField.put(field.field(), column));
        mapping.properties().forEach((property, column) -> columnOfField.put("properties[" + property + "]", column));
    }

    static CsvRows open(InputStream in, String source, ColumnMapping mapping, ApiInput input) {
        return new CsvRows(parser(in), source, mapping, input);
    }

    /** The column names of the file's first line. */
    static List<String> header(InputStream in) {
        try (CSVParser parser = parser(in).parser()) {
            return List.copyOf(parser.getHeaderNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * UTF-8 unless the file starts with a UTF-16 byte-order mark (a spreadsheet's "Unicode" CSV); the mark itself is
     * no part of the first column's name.
     *
     * @throws UncheckedIOException for a header that names a column twice: which of the two a field means is a guess
     */
    private record Parsed(CSVParser parser, CsvRowLimit rowLimit) {}

    private static Parsed parser(InputStream raw) {
        try {
            BOMInputStream bom = BOMInputStream.builder()
                    .setInputStream(raw)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                    .get();
            Charset charset = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : StandardCharsets.UTF_8;
            BufferedReader in = new BufferedReader(new InputStreamReader(bom, charset), 1 << 16);
            char delimiter = delimiter(in);
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .setTrim(false)
                    .get();
            CsvRowLimit rowLimit = new CsvRowLimit(in);
            CSVParser parser =
                    CSVParser.builder().setReader(rowLimit).setFormat(format).get();
            rowLimit.rowRead();
            Set<String> names = new HashSet<>();
            for (String name : parser.getHeaderNames()) {
                if (!name.isBlank() && !names.add(name)) {
                    parser.close();
                    String twice = "The header names the column \"" + name + "\" more than once";
                    throw new UncheckedIOException(twice, new IOException(twice));
                }
            }
            return new Parsed(parser, rowLimit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comma, or a semicolon if the first line holds more semicolons than commas. */
    private static char delimiter(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        int commas = 0;
        int semicolons = 0;
        for (int i = 0, c; i < (1 << 16) - 1 && (c = in.read()) != -1 && c != '\n'; i++) {
            commas += c == ',' ? 1 : 0;
            semicolons += c == ';' ? 1 : 0;
        }
        in.reset();
        return semicolons > commas ? ';' : ',';
    }

    /** The columns the mapping names that the file's header does not have. */
    List<String> absentColumns() {
        List<String> header = parser.getHeaderNames();
        List<String> absent = new ArrayList<>();
        for (String column : columnOfField.values()) {
            if (!header.contains(column) && !absent.contains(column)) {
                absent.add(column);
            }
        }
        return absent;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    /**
     * @throws UncheckedIOException when the file stops being CSV (a quote that never closes, say), naming the line
     */
    @Override
    public Row next() {
        CSVRecord record = records.next();
        rowLimit.rowRead();
        line++;
        List<FieldProblem> problems = new ArrayList<>();
        Integer score = null;
        String scoreText = cell(record, ImportField.SCORE);
        if (scoreText != null) {
            try {
                score = Integer.valueOf(scoreText.strip());
            } catch (NumberFormatException notWhole) {
                problems.add(
                        problem(ImportField.SCORE, "must be a whole number from 0 to 10" + ApiInput.was(scoreText)));
            }
        }
        Instant respondedAt = null;
        String time = cell(record, ImportField.RESPONDED_AT);
        if (time != null) {
            respondedAt = instant(time.strip());
            if (respondedAt == null) {
                problems.add(problem(
                        ImportField.RESPONDED_AT,
                        "must be a time such as 2026-11-23T09:12:00Z, " + "2026-11-23 09:12:00 +0100 or unix seconds"
                                + ApiInput.was(time)));
            }
        }
        BigDecimal lifetimeValue = null;
        String value = cell(record, ImportField.LIFETIME_VALUE);
        if (value != null) {
            try {
                lifetimeValue = new BigDecimal(value.strip());
            } catch (NumberFormatException notANumber) {
                problems.add(problem(ImportField.LIFETIME_VALUE, "must be a number" + ApiInput.was(value)));
            }
        }
        Channel channel = null;
        String channelText = cell(record, ImportField.PREFERRED_CHANNEL);
        if (channelText != null) {
            try {
                channel = Channel.valueOf(channelText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(problem(
                        ImportField.PREFERRED_CHANNEL, "must be one of phone, email, sms" + ApiInput.was(channelText)));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        mapping.properties().forEach((property, column) -> {
            String cell = cell(record, column);
            if (cell != null) {
                properties.put(property, cell);
            }
        });
        if (!problems.isEmpty()) {
            return new Row(line, null, problems);
        }
        ResponseSubmission submission = new ResponseSubmission(
                source,
                cell(record, ImportField.SOURCE_EVENT_ID),
                respondedAt,
                score,
                cell(record, ImportField.COMMENT),
                new CustomerDetails(
                        cell(record, ImportField.CUSTOMER_ID),
                        cell(record, ImportField.NAME),
                        cell(record, ImportField.EMAIL),
                        cell(record, ImportField.PHONE),
                        channel,
                        cell(record, ImportField.TIER),
                        lifetimeValue),
                properties,
                cell(record, ImportField.TOUCHPOINT));
        ApiInput.Checked<ResponseSubmission> checked = input.check(submission);
        return checked.valid()
                ? new Row(line, checked.value(), List.of())
                : new Row(
                        line,
                        null,
                        checked.problems().stream()
                                .map(p ->
                                        new FieldProblem(columnOfField.getOrDefault(p.field(), p.field()), p.message()))
                                .toList());
    }

    private FieldProblem problem(ImportField field, String message) {
        return new FieldProblem(mapping.columns().get(field), message);
    }

    private String cell(CSVRecord record, ImportField field) {
        return cell(record, mapping.columns().get(field));
    }

    /** A cell's text; an empty cell, or a column the row does not reach, is no value. */
    private static String cell(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * An ISO-8601 instant or a time with an offset; a date and time without one (taken as UTC); a date (its start, in
     * UTC); or unix seconds (milliseconds when there are 13 digits or more).
     */
    static Instant instant(String text) {
        if (text.matches("\\d{9,16}")) {
            long number = Long.parseLong(text);
            return text.length() >= 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            // try the forms spreadsheets and exports write
        }
        try {
            var parsed = SPACED.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notSpaced) {
            // perhaps a date alone
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
