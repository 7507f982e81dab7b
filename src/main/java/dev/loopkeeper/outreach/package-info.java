/**
 * Reaching customers and staff: email and SMS from templates per step and segment, signed reply links,
 * in-app staff alerts, and a delivery log that makes every send happen once.
 */
package dev.loopkeeper.outreach;
