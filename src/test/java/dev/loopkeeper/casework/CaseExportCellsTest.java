package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one CSV writer of every export (cases, reports' tables, the audit trail): no cell a spreadsheet would run as a
 * formula (OWASP's CSV injection: a leading = + - @ tab or carriage return), and numbers kept as numbers.
 */
class CaseExportCellsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"https://evil.example\",\"x\")",
                "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "\t=1+1",
                "\r=1+1",
                "=",
            })
    void aCellASpreadsheetWouldRunIsWrittenAsTextWithALeadingQuote(String value) {
        String written = CaseExport.line(List.of(value, "next"));

        String cell = written.substring(0, written.lastIndexOf(",next"));
        assertThat(cell).startsWith("\"'");
        assertThat(cell.substring(2, cell.length() - 1).replace("\"\"", "\"")).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "+34 600 123 456", "-1250.50", "(0)"})
    void aNumberOrPhoneNumberKeepsItsSign(String value) {
        assertThat(CaseExport.line(List.of(value))).isEqualTo(value + "\r\n");
    }
}
