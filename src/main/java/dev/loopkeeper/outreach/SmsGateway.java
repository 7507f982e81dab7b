package dev.loopkeeper.outreach;

/** Where text messages leave Loopkeeper: one implementation per SMS provider. */
public interface SmsGateway {

    /**
     * Hands one text message to the provider; returns only once the provider accepted it.
     *
     * @param reference the same for every attempt at the same message, for providers that deduplicate
     * @throws RuntimeException whenever the provider did not accept the message
     */
    void send(String phone, String text, String reference);
}
