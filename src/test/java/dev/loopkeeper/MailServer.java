package dev.loopkeeper.outreach;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) that tests can take down and bring back on the same port. */
final class MailServer {

    private GreenMail greenMail;
    private final int port;

    private MailServer() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        port = greenMail.getSmtp().getPort();
    }

    static MailServer start() {
        return new MailServer();
    }

    int port() {
        return port;
    }

    synchronized void stop() {
        greenMail.stop();
    }

    synchronized void ensureRunning() {
        if (!greenMail.isRunning()) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.port(port));
            greenMail.start();
        }
    }

    void purge() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** The one message received for the address. */
    MimeMessage receivedBy(String address) throws Exception {
        MimeMessage found = null;
        for (MimeMessage message : received()) {
            for (var recipient : message.getAllRecipients()) {
                if (((InternetAddress) recipient).getAddress().equals(address)) {
                    if (found != null) {
                        throw new AssertionError("More than one message for " + address);
                    }
                    found = message;
                }
            }
        }
        if (found == null) {
            throw new AssertionError("No message for " + address);
        }
        return found;
    }

    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }
}
