package dev.loopkeeper.outreach;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo writes emails to the log instead of sending them, so a first run without a mail server shows
 * what customers and staff would get rather than retrying into incidents. Set
 * {@code LOOPKEEPER_DEMO_MAIL_LOG_ONLY=false} to send to {@code SMTP_HOST}:{@code SMTP_PORT} (a local catcher).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "loopkeeper.outreach.demo-mail-log-only", havingValue = "true")
class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    @Bean
    JavaMailSender loggingMailSender() {
        return new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                for (MimeMessage message : messages) {
                    try {
                        log.info(
                                "Demo email (not sent; LOOPKEEPER_DEMO_MAIL_LOG_ONLY=false sends it) to {}: {}",
                                Arrays.toString(message.getAllRecipients()),
                                message.getSubject());
                    } catch (MessagingException e) {
                        throw new MailPreparationException(e);
                    }
                }
            }
        };
    }
}
