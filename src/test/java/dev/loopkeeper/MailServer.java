package dev.loopkeeper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** A real SMTP server (GreenMail) that tests can take down and bring back on the same port. */
public final class MailServer {

    private GreenMail greenMail;
    private final int port;

    private MailServer() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        port = greenMail.getSmtp().getPort();
    }

    public static MailServer start() {
        return new MailServer();
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        greenMail.stop();
    }

    public synchronized void ensureRunning() {
        if (!greenMail.isRunning()) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.port(port));
            greenMail.start();
        }
    }

    public void purge() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** The one message received for the address. */
    public MimeMessage receivedBy(String address) throws Exception {
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

    /** Every message received for the address, in the order they arrived. */
    public List<MimeMessage> allReceivedBy(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : received()) {
            for (var recipient : message.getAllRecipients()) {
                if (((InternetAddress) recipient).getAddress().equals(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    /** The subjects of every message received for the address. */
    public List<String> subjectsFor(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : allReceivedBy(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    /** The text of the part with the given type (text/plain or text/html) of a received message. */
    public static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }
}
