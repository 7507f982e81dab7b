/** Reaching customers: channels (phone log, email, SMS), templates and the delivery log. */
package dev.loopkeeper.outreach;
