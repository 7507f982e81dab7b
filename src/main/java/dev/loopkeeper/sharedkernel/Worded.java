package dev.loopkeeper.sharedkernel;

/** A refusal or failure that can say itself to a user in their language; its message stays English for logs and APIs. */
public interface Worded {

    /** What to tell the user; none when the message is all there is. */
    Words words();
}
