package dev.loopkeeper.outreach;

import dev.loopkeeper.outreach.domain.StaffToolRows;
import dev.loopkeeper.sharedkernel.OutboundAddresses;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tools staff use, as admins connect them: a Slack and a Teams incoming webhook (alerts the policy routes to
 * {@code slack} or {@code teams} are posted there) and the help desk (Zendesk). Connections live in the database, so
 * every node uses a change at once. Their credentials are stored, never shown back: a connection is shown as a hint.
 */
@Service
public class StaffTools {

    /** A connection as the Integrations screen shows it. */
    public record Connection(
            Medium tool, boolean connected, String hint, String account, Instant changedAt, String changedBy) {}

    private final StaffToolRows rows;
    private final OutboundAddresses addresses;
    private final ChatPosts chats;
    private final HelpDesk helpDesk;
    private final Clock clock;

    StaffTools(StaffToolRows rows, OutboundAddresses addresses, ChatPosts chats, HelpDesk helpDesk, Clock clock) {
        this.rows = rows;
        this.addresses = addresses;
        this.chats = chats;
        this.helpDesk = helpDesk;
        this.clock = clock;
    }

    public Connection connection(Medium tool) {
        return rows.tool(name(tool))
                .map(row -> new Connection(
                        tool,
                        true,
                        tool == Medium.HELP_DESK ? row.url() : hint(row.url()),
                        row.account(),
                        row.changedAt(),
                        row.changedBy()))
                .orElse(new Connection(tool, false, "", null, null, null));
    }

    /**
     * Connects Slack or Teams to an incoming webhook URL.
     *
     * @throws IllegalArgumentException for a URL that is not https or reaches inside our network
     */
    public void connectChat(Medium chat, String webhookUrl, String by) {
        URI url = addresses.check(webhookUrl);
        rows.save(new StaffToolRows.Tool(name(chat), url.toString(), null, null, clock.instant(), by));
    }

    /**
     * Connects Zendesk: its address ({@code https://acme.zendesk.com}, or the subdomain {@code acme}), an agent's
     * email and an API token. An empty token keeps the stored one, so the address can change without retyping it.
     *
     * @throws IllegalArgumentException for a bad address, or no token where none is stored
     */
    public void connectHelpDesk(String address, String email, String token, String by) {
        String base = address == null ? "" : address.strip();
        if (!base.isEmpty() && !base.contains("/") && !base.contains(".")) {
            base = "https://" + base + ".zendesk.com";
        }
        URI url = addresses.check(base.replaceAll("/+$", ""));
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("Enter the email address of the Zendesk agent the token belongs to");
        }
        String secret = token == null || token.isBlank()
                ? rows.tool(name(Medium.HELP_DESK))
                        .map(StaffToolRows.Tool::secret)
                        .orElseThrow(() -> new IllegalArgumentException("Enter a Zendesk API token"))
                : token.strip();
        rows.save(new StaffToolRows.Tool(
                name(Medium.HELP_DESK), url.toString(), email.strip(), secret, clock.instant(), by));
    }

    public void disconnect(Medium tool) {
        rows.remove(name(tool));
    }

    /**
     * Sends a test through the tool: a message to the chat, or a sign-in check against the help desk (it creates
     * no ticket).
     *
     * @return what happened, for the admin to read
     * @throws OutreachFailed with the tool's error
     */
    public String sendTest(Medium tool) {
        if (tool == Medium.HELP_DESK) {
            return helpDesk.checkConnection();
        }
        chats.post(tool, chats.test(tool));
        return "Posted a test message to " + label(tool);
    }

    /** The stored URL of a chat, if it is connected. */
    Optional<URI> chatUrl(Medium chat) {
        return rows.tool(name(chat)).map(row -> URI.create(row.url()));
    }

    static String label(Medium tool) {
        return switch (tool) {
            case SLACK -> "Slack";
            case TEAMS -> "Microsoft Teams";
            case HELP_DESK -> "Zendesk";
            default -> tool.key();
        };
    }

    static String name(Medium tool) {
        return switch (tool) {
            case SLACK, TEAMS, HELP_DESK -> tool.key();
            default -> throw new IllegalArgumentException(tool + " is not a staff tool");
        };
    }

    /** Scheme and host, and the last four characters: enough to recognise a URL, not to use it. */
    static String hint(String url) {
        URI uri = URI.create(url);
        String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…" + tail;
    }
}
