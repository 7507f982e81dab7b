package dev.loopkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.MailServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/monthly-report.bpmn}: a timer on the first of each month starts it, and its service task emails last
 * month's company report, with its charts as images, through a real SMTP server.
 */
@LoopkeeperTest
class MonthlyReportProcessTest {

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.reports.monthly.recipients", () -> "board@example.com,ops@example.com");
        registry.add("loopkeeper.reports.monthly.zone", () -> "Europe/Madrid");
    }

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onTheFirstOfTheMonthLastMonthsReportIsEmailedWithItsChartsAsImages() throws Exception {
        new ReportFixture(jdbc).seedOnce();
        Job timer = timer();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toLocalTime()).hasToString("06:00");

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-02-01T06:00:00Z")));
        management.executeJob(timer.getId());
        Job send = management
                .createJobQuery()
                .processDefinitionKey(MonthlyReportProcess.PROCESS_ID)
                .activityId(MonthlyReportProcess.SEND)
                .singleResult();
        management.executeJob(send.getId());

        // one message to both (the SMTP server keeps a copy in each mailbox)
        List<MimeMessage> copies = mail.allReceivedBy("board@example.com");
        assertThat(copies).isNotEmpty();
        MimeMessage report = copies.get(0);
        assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly(report.getMessageID());
        assertThat(report.getSubject()).isEqualTo("Loopkeeper: the loop in 2031-01");
        assertThat(mail.allReceivedBy("ops@example.com"))
                .extracting(MimeMessage::getMessageID)
                .containsOnly(report.getMessageID());
        String html = MailServer.part(report, "text/html");
        // January in Madrid, as the reports contract worked it out by hand
        assertThat(html)
                .contains("+30.0 ± 21.6 (95 %), 50 responses")
                // December 2030 had no responses
                .contains("<td>too small to compare</td>")
                .contains("4 of 6 (66.7 %)")
                .contains("2 of 3 re-surveyed (66.7 %)")
                .contains("8000.00")
                .contains("1600.00")
                .contains("cid:nps")
                .contains("cid:contact");
        List<Part> images = new ArrayList<>();
        collect(report, "image/png", images);
        assertThat(images).hasSize(2);
        // kept for people to look at
        java.nio.file.Path folder =
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "monthly-report"));
        java.nio.file.Files.writeString(folder.resolve("report.html"), html);
        for (int i = 0; i < images.size(); i++) {
            byte[] png = images.get(i).getInputStream().readAllBytes();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            java.nio.file.Files.write(folder.resolve("chart-" + i + ".png"), png);
        }
        assertThat(history.createHistoricActivityInstanceQuery()
                        .activityId(MonthlyReportProcess.SENT)
                        .count())
                .isEqualTo(1);
        assertThat(timer().getDuedate().toInstant()).isAfter(Instant.parse("2031-02-01T06:00:00Z"));
    }

    private Job timer() {
        return management
                .createJobQuery()
                .processDefinitionKey(MonthlyReportProcess.PROCESS_ID)
                .timers()
                .singleResult();
    }

    private static void collect(Part part, String type, List<Part> found) throws Exception {
        if (part.isMimeType(type)) {
            found.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        }
    }
}
